package org.civicflow.engine.task;

import java.util.List;

/**
 * One field of a task's form.
 *
 * @param type {@code text}, {@code longText}, {@code choice}, {@code boolean}, {@code date}, {@code
 *     number}, {@code list} or {@code commitments} (a list of {@code {text, dueDate, measure}})
 * @param requiredWhen {@code null} when always or never required (see {@code required}), else a
 *     condition such as {@code decision=RETURN}
 */
public record FormField(
    String name, String type, boolean required, List<String> options, String requiredWhen) {

  static FormField text(String name, boolean required) {
    return new FormField(name, "text", required, List.of(), null);
  }

  static FormField longText(String name, boolean required) {
    return new FormField(name, "longText", required, List.of(), null);
  }

  static FormField requiredWhen(FormField f, String condition) {
    return new FormField(f.name(), f.type(), false, f.options(), condition);
  }

  static FormField choice(String name, boolean required, String... options) {
    return new FormField(name, "choice", required, List.of(options), null);
  }

  static FormField of(String name, String type) {
    return new FormField(name, type, false, List.of(), null);
  }
}
