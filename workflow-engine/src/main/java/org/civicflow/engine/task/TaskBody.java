package org.civicflow.engine.task;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.civicflow.domain.common.FieldErrors;
import org.civicflow.domain.reply.CommitmentInput;
import org.civicflow.domain.reply.ReplyCategory;

/**
 * The JSON body of a task completion, read field by field. Every problem (missing, wrong type,
 * unknown value, too long) is collected with the field's name; {@link #validate()} throws them all
 * together.
 */
public final class TaskBody {

  static final int DEFAULT_MAX = 4000;

  private final Map<String, Object> values;
  private final FieldErrors errors = new FieldErrors();

  public TaskBody(Map<String, Object> values) {
    this.values = values == null ? Map.of() : values;
  }

  FieldErrors errors() {
    return errors;
  }

  /** A text field, stripped; {@code null} when absent or blank. */
  public String text(String field, boolean required, int max) {
    Object v = values.get(field);
    if (v != null && !(v instanceof String)) {
      errors.add(field, "validation.type.text");
      return null;
    }
    String s = v == null || ((String) v).isBlank() ? null : ((String) v).strip();
    if (required && s == null) {
      errors.add(field, "validation.required");
    }
    errors.maxLength(field, s, max);
    return s;
  }

  /** A text field of at most {@value #DEFAULT_MAX} characters. */
  public String text(String field, boolean required) {
    return text(field, required, DEFAULT_MAX);
  }

  /** One of the names of an enum, e.g. {@code APPROVE}. */
  public <E extends Enum<E>> E choice(String field, Class<E> type, boolean required) {
    String s = text(field, required, 64);
    if (s == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      errors.add(field, "validation.choice");
      return null;
    }
  }

  /**
   * A result category's code, e.g. {@code B}; whether it is in use is the domain's check ({@code
   * ResultCategorySet}), here only its form.
   */
  ReplyCategory category(String field, boolean required) {
    String s = text(field, required, 8);
    if (s == null) {
      return null;
    }
    String code = s.toUpperCase(Locale.ROOT);
    if (!ReplyCategory.wellFormed(code)) {
      errors.add(field, "validation.category.inactive");
      return null;
    }
    return ReplyCategory.of(code);
  }

  boolean flag(String field) {
    Object v = values.get(field);
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    errors.add(field, "validation.type.boolean");
    return false;
  }

  /** An ISO date such as {@code 2022-05-30}. */
  LocalDate date(String field, boolean required) {
    String s = text(field, required, 32);
    if (s == null) {
      return null;
    }
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      errors.add(field, "validation.type.date");
      return null;
    }
  }

  Long number(String field, boolean required) {
    Object v = values.get(field);
    if (v == null || (v instanceof String s && s.isBlank())) {
      if (required) {
        errors.add(field, "validation.required");
      }
      return null;
    }
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.longValue();
    }
    if (v instanceof String s && s.strip().matches("\\d{1,18}")) {
      return Long.parseLong(s.strip());
    }
    errors.add(field, "validation.type.number");
    return null;
  }

  /** A list of short codes, e.g. department codes. */
  List<String> codes(String field) {
    Object v = values.get(field);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof Collection<?> c)) {
      errors.add(field, "validation.type.list");
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Object o : c) {
      if (!(o instanceof String s) || s.isBlank() || s.length() > 32) {
        errors.add(field, "validation.type.list");
        return List.of();
      }
      out.add(s.strip());
    }
    return out;
  }

  /**
   * A list of commitments {@code [{text, dueDate: "YYYY-MM-DD", measure}]}; a malformed entry is
   * named by its place ({@code commitments[1].dueDate}).
   */
  List<CommitmentInput> commitments(String field) {
    Object v = values.get(field);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof Collection<?> c)) {
      errors.add(field, "validation.type.list");
      return List.of();
    }
    List<CommitmentInput> out = new ArrayList<>();
    int i = 0;
    for (Object o : c) {
      String at = field + "[" + i++ + "].";
      if (!(o instanceof Map<?, ?> m)) {
        errors.add(field, "validation.type.list");
        return List.of();
      }
      String text = entry(m, at + "text", "text");
      String measure = entry(m, at + "measure", "measure");
      String due = entry(m, at + "dueDate", "dueDate");
      LocalDate dueDate = null;
      if (due != null) {
        try {
          dueDate = LocalDate.parse(due);
        } catch (DateTimeParseException e) {
          errors.add(at + "dueDate", "validation.type.date");
        }
      }
      out.add(new CommitmentInput(text, dueDate, measure));
    }
    return out;
  }

  private String entry(Map<?, ?> m, String name, String key) {
    Object v = m.get(key);
    if (v != null && !(v instanceof String)) {
      errors.add(name, "validation.type.text");
      return null;
    }
    return v == null || ((String) v).isBlank() ? null : ((String) v).strip();
  }

  /** Throws every problem found so far, named by field. */
  public void validate() {
    errors.throwIfAny();
  }
}
