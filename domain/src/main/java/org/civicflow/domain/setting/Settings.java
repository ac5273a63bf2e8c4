package org.civicflow.domain.setting;

import java.time.Clock;
import java.util.Optional;
import org.civicflow.domain.audit.AuditLog;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Run-time settings of this deployment. Read from the database each time they are needed, so that a
 * change made on one node holds on every node at once; each change is in the audit log with who
 * made it, when, and the value before and after.
 */
@Service
public class Settings {

  /** Whether the separation of duties on reply drafts is enforced (on unless switched off). */
  public static final String SEPARATION_OF_DUTIES = "separationOfDuties";

  private final SettingMapper settings;
  private final AuditLog audit;
  private final Clock clock;

  Settings(SettingMapper settings, AuditLog audit, Clock clock) {
    this.settings = settings;
    this.audit = audit;
    this.clock = clock;
  }

  /** The stored setting, if it was ever stored. */
  @Transactional(readOnly = true)
  public Optional<Setting> find(String name) {
    return settings.find(name);
  }

  /** A yes/no setting, or {@code fallback} when it is not stored. */
  @Transactional(readOnly = true)
  public boolean flag(String name, boolean fallback) {
    return settings.find(name).map(s -> Boolean.parseBoolean(s.value())).orElse(fallback);
  }

  /**
   * Sets a yes/no setting. A change is recorded in the audit log ({@code setting.change}, "old →
   * new"); setting the value it already has changes nothing and records nothing.
   */
  @Transactional
  public Setting setFlag(String name, boolean value, boolean fallback, String actor) {
    boolean before = flag(name, fallback);
    if (before == value) {
      return settings.find(name).orElse(new Setting(name, String.valueOf(value), null, null));
    }
    Setting next = new Setting(name, String.valueOf(value), clock.instant(), actor);
    if (settings.update(next) == 0) {
      try {
        settings.insert(next);
      } catch (DuplicateKeyException concurrent) {
        settings.update(next); // another node stored it first: the later change wins
      }
    }
    audit.record(actor, "setting.change", "setting", name, before + " → " + value);
    return next;
  }

  /** A text setting, or empty when it is not stored. */
  @Transactional(readOnly = true)
  public Optional<String> text(String name) {
    return settings.find(name).map(Setting::value);
  }

  /**
   * Sets a text setting, recorded in the audit log ({@code setting.change}, "old → new") unless it
   * already has that value.
   */
  @Transactional
  public Setting setText(String name, String value, String actor) {
    String before = text(name).orElse("");
    if (before.equals(value)) {
      return settings.find(name).orElseThrow();
    }
    Setting next = new Setting(name, value, clock.instant(), actor);
    if (settings.update(next) == 0) {
      try {
        settings.insert(next);
      } catch (DuplicateKeyException concurrent) {
        settings.update(next); // another node stored it first: the later change wins
      }
    }
    audit.record(actor, "setting.change", "setting", name, before + " → " + value);
    return next;
  }
}
