package org.civicflow.processes;

import java.util.List;

/**
 * A process variable that a model and CivicFlow's code share: its name, its kind (what the model
 * editor offers it for) and, for a choice, its values.
 *
 * @param values the values of a {@link Kind#CHOICE}, otherwise empty
 * @param use whether the built-in model uses it or it is only offered to models an admin edits
 */
public record ProcessVariable(String name, Kind kind, List<String> values, Use use) {

  /** What a variable holds, and so where the model editor offers it. */
  public enum Kind {
    /** One of a few values, tested by gateways. */
    CHOICE("enum"),
    /** A flag, tested by gateways. */
    BOOLEAN("boolean"),
    /** A number, tested by gateways. */
    NUMBER("number"),
    /** An instant ({@code java.util.Date}) a timer may wait for. */
    DATE("date"),
    /** The code of the department an instance handles for: candidate groups are relative to it. */
    DEPARTMENT("department"),
    /** A user name, for assignees. */
    USER("user"),
    /** Other data (ids, texts, codes, dates as text): readable, not offered for conditions. */
    DATA("data");

    private final String type;

    Kind(String type) {
      this.type = type;
    }

    /** The type name the model editor shows for a condition variable. */
    public String type() {
      return type;
    }

    /** Whether gateways' conditions test variables of this kind. */
    public boolean isCondition() {
      return this == CHOICE || this == BOOLEAN || this == NUMBER;
    }
  }

  /** Who uses a variable. */
  public enum Use {
    /** The built-in model reads or sets it (and CivicFlow's code sets or reads it). */
    MODEL,
    /**
     * Only CivicFlow's code sets and reads it; the built-in model does not, but a model an admin
     * edits may read it (the validator allows it and the editor offers it).
     */
    OFFERED
  }

  public ProcessVariable {
    values = List.copyOf(values);
  }

  static ProcessVariable choice(String name, String... values) {
    return new ProcessVariable(name, Kind.CHOICE, List.of(values), Use.MODEL);
  }

  static ProcessVariable of(String name, Kind kind) {
    return new ProcessVariable(name, kind, List.of(), Use.MODEL);
  }

  /** The same variable, offered to models though the built-in model does not use it. */
  ProcessVariable offered() {
    return new ProcessVariable(name, kind, values, Use.OFFERED);
  }
}
