package org.civicflow.portal.admin.administration;

import java.util.LinkedHashMap;
import java.util.Map;
import org.civicflow.domain.common.DomainException;
import org.civicflow.domain.common.ValidationException;
import org.civicflow.portal.web.Flash;

/**
 * A form of the admin pages: its values (what was entered, or what is stored), the texts of its
 * invalid fields, and a refusal that concerns the whole form (e.g. a duplicate).
 */
public record AdminForm(Map<String, Object> values, Map<String, String> errors, String failure) {

  static AdminForm of(Map<String, ?> values) {
    return new AdminForm(new LinkedHashMap<>(values), Map.of(), null);
  }

  static AdminForm empty() {
    return of(Map.of());
  }

  /** The same values with the refusal explained: next to the fields, or for the form. */
  AdminForm refused(DomainException e, Flash flash) {
    if (e instanceof ValidationException v) {
      Map<String, String> texts = new LinkedHashMap<>();
      v.fieldErrors().forEach((field, key) -> texts.put(field, flash.text(key)));
      return new AdminForm(values, texts, null);
    }
    return new AdminForm(values, Map.of(), flash.text(e));
  }

  /** The HTTP status of a refused form: 400 for invalid fields, 409 for a conflict. */
  static int status(DomainException e) {
    return e instanceof org.civicflow.domain.common.ConflictException ? 409 : 400;
  }

  public Object value(String name) {
    return values.get(name);
  }

  public boolean invalid(String name) {
    return errors.containsKey(name);
  }
}
