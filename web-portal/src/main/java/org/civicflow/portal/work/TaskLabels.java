package org.civicflow.portal.work;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The label of a step for people: the bundle's label of its task key ({@code task.<key>}, in the
 * reader's language) — unless an administrator gave the step a name of its own in the process
 * editor (a second sign-off 主要领导签发 completed with the {@code signOff} form), which is then shown as
 * written, so two steps of one form can be told apart.
 */
@Component("taskLabels")
public class TaskLabels {

  private static final Locale MODEL_LANGUAGE = Locale.SIMPLIFIED_CHINESE;

  private final MessageSource messages;

  TaskLabels(MessageSource messages) {
    this.messages = messages;
  }

  /** The label of a step of form {@code key} named {@code name} in its process model. */
  public String label(String key, String name) {
    String standard = messages.getMessage("task." + key, null, null, MODEL_LANGUAGE);
    if (name != null && !name.isBlank() && standard != null && !name.strip().equals(standard)) {
      return name.strip();
    }
    Locale reader = LocaleContextHolder.getLocale();
    String label = messages.getMessage("task." + key, null, null, reader);
    return label != null ? label : (name != null && !name.isBlank() ? name.strip() : key);
  }
}
