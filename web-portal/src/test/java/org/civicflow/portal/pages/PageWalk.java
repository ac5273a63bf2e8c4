package org.civicflow.portal.pages;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicflow.portal.PortalSession;

/**
 * Every page a person reaches by following links, as that person: starts at the public site and the
 * portal's home and follows every link of every page (same site, HTML pages only). Pages of one
 * shape (the same path with other ids, the same query keys with other values) are fetched a few
 * times only, so a long list does not make the walk long.
 */
final class PageWalk {

  /** A page as the person saw it. */
  record Seen(String who, String path, String html) {}

  private static final Pattern LINK = Pattern.compile("<a\\b[^>]*?\\bhref=\"([^\"]*)\"");
  private static final Pattern ID = Pattern.compile("/(\\d+|[0-9a-f]{8}-[0-9a-f-]{27,})(?=/|$)");
  private static final List<String> NOT_PAGES =
      List.of(
          "/logout",
          "/api/",
          "/v3/",
          "/actuator",
          "/css/",
          "/js/",
          "/assets/",
          "/download",
          "/letter",
          "/export",
          "/template.",
          "/xml");
  private static final int PER_SHAPE = 12;
  private static final int PER_PERSON = 250;

  private PageWalk() {}

  /** Walks the site as {@code who} (null: a member of the public). */
  static List<Seen> as(int port, String who) {
    PortalSession session =
        who == null ? PortalSession.anonymous(port) : PortalSession.signIn(port, who, "Demo@12345");
    Deque<String> todo = new ArrayDeque<>(List.of("/", "/login"));
    if (who != null) {
      todo.add("/portal");
    }
    Set<String> queued = new HashSet<>(todo);
    Map<String, Integer> shapes = new HashMap<>();
    List<Seen> seen = new ArrayList<>();
    while (!todo.isEmpty() && seen.size() < PER_PERSON) {
      String path = todo.poll();
      PortalSession.Page page = session.get(path);
      if (page.location() != null) {
        String next = page.location().replaceFirst("^https?://[^/]+", "");
        if (isPage(next) && queued.add(next)) {
          todo.addFirst(next);
        }
        continue;
      }
      if (page.status() != 200
          || !page.body().stripLeading().regionMatches(true, 0, "<!DOCTYPE html", 0, 14)) {
        continue;
      }
      seen.add(new Seen(who == null ? "anonymous" : who, path, page.body()));
      Matcher m = LINK.matcher(page.body());
      while (m.find()) {
        String next = m.group(1).replace("&amp;", "&");
        int hash = next.indexOf('#');
        next = hash >= 0 ? next.substring(0, hash) : next;
        if (isPage(next)
            && queued.add(next)
            && shapes.merge(shape(next), 1, Integer::sum) <= PER_SHAPE) {
          todo.add(next);
        }
      }
    }
    return seen;
  }

  private static boolean isPage(String link) {
    return link.startsWith("/")
        && !link.startsWith("//")
        && !link.contains("lang=")
        && NOT_PAGES.stream().noneMatch(link::contains)
        && !link.matches(".*\\.(xlsx|csv|pdf|bpmn|dmn|xml|png|svg|js|css)(\\?.*)?$");
  }

  /** The path with ids replaced and the query's keys without their values. */
  static String shape(String link) {
    int q = link.indexOf('?');
    String path = ID.matcher(q >= 0 ? link.substring(0, q) : link).replaceAll("/{id}");
    Set<String> keys = new TreeSet<>();
    if (q >= 0) {
      for (String pair : link.substring(q + 1).split("&")) {
        keys.add(pair.split("=", 2)[0]);
      }
    }
    return path + keys;
  }
}
