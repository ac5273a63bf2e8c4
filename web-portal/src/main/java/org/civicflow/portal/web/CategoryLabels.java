package org.civicflow.portal.web;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.civicflow.domain.resultcategory.CategorySnapshot;
import org.civicflow.domain.resultcategory.ResultCategory;
import org.civicflow.domain.resultcategory.ResultCategorySet;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The result categories for pages ({@code ${@categories.label(code)}}): the labels as configured,
 * in the page's language, and the codes offered now. A reply's code is labelled by the set in use
 * when it was signed ({@link #labelAt}); a code no longer in use keeps its label. The configuration
 * is read once per request (never kept longer), so a change shows on every node's next page.
 */
@Component("categories")
public class CategoryLabels {

  private static final String MEMO = CategoryLabels.class.getName();

  private final ResultCategorySet set;

  CategoryLabels(ResultCategorySet set) {
    this.set = set;
  }

  /** "A类 已解决或采纳": the code with its label as it means now. */
  public String label(String code) {
    return label(code, LocaleContextHolder.getLocale());
  }

  public String label(String code, Locale locale) {
    return snapshot().display(code, null, locale);
  }

  /** The code with the label of the set in use at {@code at} (a reply's signing). */
  public String labelAt(String code, Object at) {
    return snapshot().display(code, instant(at), LocaleContextHolder.getLocale());
  }

  /**
   * The code with its label in {@code set}, the set a reply was signed under (else of {@code at}).
   */
  public String labelIn(String code, String set, Object at) {
    return snapshot().display(code, set, instant(at), LocaleContextHolder.getLocale());
  }

  /** The codes of the set in use, in order: what a form offers. */
  public List<String> offered() {
    return snapshot().active().codes();
  }

  /** The categories of the set in use, in order. */
  public List<ResultCategory> active() {
    return snapshot().active().categories();
  }

  /** The categories in use that list commitments, as people read them ("B类 …、C类 …"). */
  public String promisingText() {
    Locale locale = LocaleContextHolder.getLocale();
    boolean english = "en".equals(locale.getLanguage());
    return String.join(
        english ? " or " : "、",
        snapshot().active().categories().stream()
            .filter(ResultCategory::requiresCommitments)
            .map(c -> c.display(locale))
            .toList());
  }

  /** The configuration as this request read it first (read afresh outside a request). */
  private CategorySnapshot snapshot() {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request == null) {
      return set.snapshot();
    }
    Object memo = request.getAttribute(MEMO, RequestAttributes.SCOPE_REQUEST);
    if (memo instanceof CategorySnapshot s) {
      return s;
    }
    CategorySnapshot s = set.snapshot();
    request.setAttribute(MEMO, s, RequestAttributes.SCOPE_REQUEST);
    return s;
  }

  private static Instant instant(Object at) {
    if (at instanceof Instant i) {
      return i;
    }
    if (at instanceof Date d) {
      return d.toInstant();
    }
    return null;
  }
}
