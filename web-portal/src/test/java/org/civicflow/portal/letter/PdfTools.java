package org.civicflow.portal.letter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Poppler's command-line tools (Debian's poppler-utils) run on a letter. */
final class PdfTools {

  private PdfTools() {}

  /** The letter's text as pdftotext reads it, without white space; on failure the message. */
  static String runQuiet(byte[] pdf) {
    try {
      return run("pdftotext", pdf, "-enc", "UTF-8").replaceAll("\\s+", "");
    } catch (IOException e) {
      return e.toString();
    }
  }

  /** The tool's output (stdout and stderr) for the file. */
  static String run(String tool, byte[] pdf, String... options) throws IOException {
    Path file = Files.createTempFile("letter", ".pdf");
    try {
      Files.write(file, pdf);
      List<String> command = new ArrayList<>();
      command.add(tool);
      command.addAll(List.of(options));
      command.add(file.toString());
      if ("pdftotext".equals(tool)) {
        command.add("-");
      }
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(tool + " did not finish");
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
