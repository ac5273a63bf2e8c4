package org.civicflow.engine.modeling;

/**
 * A model as uploaded: the file name (which says BPMN or DMN) and its bytes.
 *
 * @param filename as the browser sent it; may be null
 */
public record ModelFile(String filename, byte[] content) {

  /** Larger models are refused before they are parsed (the built-in ones are about 40 KB). */
  public static final int MAX_BYTES = 2 * 1024 * 1024;

  public ModelFile {
    content = content == null ? new byte[0] : content;
  }
}
