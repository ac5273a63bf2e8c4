package org.civicflow.portal.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Words of the engine on a page a person reads: camelCase keys ({@code reviewAcceptance}),
 * upper-case enum names ({@code LEAD_CO}) and department codes ({@code SCJG}) in the visible text
 * and the labels read aloud ({@code title}, {@code aria-label}, {@code alt}, {@code placeholder}).
 * Not searched: addresses and form values (they are not text), scripts and styles, what a person
 * typed ({@code textarea}), and what a page shows as a code on purpose ({@code <code>}, {@code
 * class="mono"}: a department's code on its administration page, a checksum).
 */
final class CodeWords {

  private static final Pattern CAMEL = Pattern.compile("\\b[a-z]+(?:[A-Z][a-z0-9]*)+\\b");
  // letters only: a record number such as X965177 is data, not a code
  private static final Pattern UPPER = Pattern.compile("\\b[A-Z]+(?:_[A-Z0-9]+)*\\b");

  /** Abbreviations people read as words, and the letters of a date's format (YYYY-MM-DD). */
  private static final Set<String> WORDS =
      Set.of(
          "API", "BPMN", "CJK", "CPPCC", "CSS", "CSV", "DMN", "FEEL", "HTML", "HTTP", "HTTPS", "ID",
          "JSON", "KB", "MB", "NPC", "OK", "PDF", "PNG", "SHA", "SQL", "SVG", "URL", "UTC", "UTF",
          "XLSX", "XML", "YYYY", "MM", "DD");

  private CodeWords() {}

  /** The code-like words of a page, each with a little of the text around it. */
  static List<String> in(String html) {
    Document page = Jsoup.parse(html);
    List<String> labels = new ArrayList<>();
    for (Element e : page.select("[title], [aria-label], [alt], [placeholder]")) {
      for (String a : List.of("title", "aria-label", "alt", "placeholder")) {
        if (e.hasAttr(a)) {
          labels.add(e.attr(a));
        }
      }
    }
    page.select("script, style, textarea, template, code, .mono, head").remove();
    List<String> found = new ArrayList<>();
    for (String text : concat(page.body() == null ? "" : page.body().text(), labels)) {
      collect(CAMEL.matcher(text), text, found);
      Matcher upper = UPPER.matcher(text);
      while (upper.find()) {
        if (upper.group().length() > 1 && !WORDS.contains(upper.group())) {
          found.add(around(text, upper));
        }
      }
    }
    return found;
  }

  private static List<String> concat(String body, List<String> labels) {
    List<String> all = new ArrayList<>(labels);
    all.add(0, body);
    return all;
  }

  private static void collect(Matcher m, String text, List<String> found) {
    while (m.find()) {
      found.add(around(text, m));
    }
  }

  private static String around(String text, Matcher m) {
    int from = Math.max(0, m.start() - 20);
    int to = Math.min(text.length(), m.end() + 20);
    return m.group() + " in «" + text.substring(from, to) + "»";
  }
}
