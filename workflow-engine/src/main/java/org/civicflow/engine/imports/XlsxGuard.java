package org.civicflow.engine.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Refuses zip bombs before an xlsx is parsed: too many entries, an entry that inflates beyond a
 * limit or by a ratio no spreadsheet reaches, or too much in all. Sizes are counted while actually
 * inflating (the sizes a zip declares can lie), with the same zip reader the xlsx parser uses.
 */
final class XlsxGuard {

  static final int MAX_ENTRIES = 1_000;
  static final long MAX_ENTRY_BYTES = 64L << 20;
  static final long MAX_TOTAL_BYTES = 128L << 20;

  /** As Apache POI's default: an entry may inflate to at most 100 times its compressed size. */
  static final long MAX_RATIO = 100;

  /** Small entries may compress better than the ratio (repeated XML); they cannot hurt. */
  static final long RATIO_FREE_BYTES = 1L << 20;

  private XlsxGuard() {}

  static void check(Path file) {
    try (ZipFile zip = ZipFile.builder().setFile(file.toFile()).get()) {
      long total = 0;
      int entries = 0;
      Enumeration<ZipArchiveEntry> all = zip.getEntries();
      byte[] buffer = new byte[64 * 1024];
      while (all.hasMoreElements()) {
        ZipArchiveEntry entry = all.nextElement();
        if (++entries > MAX_ENTRIES) {
          throw new ImportFileException("import.file.zipBomb");
        }
        long compressed = Math.max(entry.getCompressedSize(), 1);
        long inflated = 0;
        try (InputStream in = zip.getInputStream(entry)) {
          for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            inflated += n;
            total += n;
            if (inflated > MAX_ENTRY_BYTES
                || total > MAX_TOTAL_BYTES
                || (inflated > RATIO_FREE_BYTES && inflated > compressed * MAX_RATIO)) {
              throw new ImportFileException("import.file.zipBomb");
            }
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof ImportFileException refused) {
        throw refused;
      }
      throw new ImportFileException("import.file.unreadable");
    }
  }
}
