package org.civicflow.engine.modeling;

import java.util.Locale;
import java.util.Optional;

/** The two kinds of model an admin edits. */
public enum ModelKind {
  BPMN(".bpmn"),
  DMN(".dmn");

  private final String suffix;

  ModelKind(String suffix) {
    this.suffix = suffix;
  }

  /** The resource name of a model, e.g. {@code proposalHandling.bpmn}. */
  public String resourceName(String key) {
    return key + suffix;
  }

  /** The kind of a file by its name ({@code .bpmn}, {@code .bpmn20.xml}, {@code .dmn}). */
  static Optional<ModelKind> ofFilename(String filename) {
    if (filename == null) {
      return Optional.empty();
    }
    String name = filename.toLowerCase(Locale.ROOT);
    if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
      return Optional.of(BPMN);
    }
    if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
      return Optional.of(DMN);
    }
    return Optional.empty();
  }
}
