package org.civicflow.portal.letter;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.civicflow.domain.letter.IssuedLetter;
import org.civicflow.domain.letter.IssuedLetters;
import org.civicflow.domain.letter.LetterArchive;
import org.civicflow.domain.letter.LetterArchiveEntry;
import org.civicflow.portal.web.ErrorResponses;
import org.springframework.stereotype.Component;

/**
 * Writes the ZIP of a finished download, streamed from the stored letters (any node can serve it,
 * nothing is kept on a disk): the list {@value LetterArchiveManifest#NAME} first, then one PDF per
 * stored letter, named by its document number and its proposal's number, byte for byte as issued
 * (stored, not compressed again: a PDF's streams are compressed already). Every entry carries the
 * job's finishing time, so the same job gives the same bytes at every download.
 */
@Component
class LetterArchiveZip {

  private final IssuedLetters letters;
  private final ErrorResponses texts;
  private final ZoneId zone;

  LetterArchiveZip(IssuedLetters letters, ErrorResponses texts, Clock clock) {
    this.letters = letters;
    this.texts = texts;
    this.zone = clock.getZone();
  }

  void write(LetterArchive job, List<LetterArchiveEntry> entries, OutputStream out)
      throws IOException {
    Map<Long, String> files = fileNames(entries);
    FileTime time = FileTime.from(job.finishedAt() != null ? job.finishedAt() : job.createdAt());
    ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    ZipEntry list = new ZipEntry(LetterArchiveManifest.NAME);
    list.setLastModifiedTime(time);
    zip.putNextEntry(list);
    zip.write(
        LetterArchiveManifest.csv(
            entries, files, zone, key -> texts.text(key, List.of(), LetterContents.LANGUAGE)));
    zip.closeEntry();
    for (LetterArchiveEntry e : entries) {
      String name = files.get(e.publicationId());
      if (name == null) {
        continue;
      }
      IssuedLetter letter = letters.of(e.publicationId()).orElseThrow();
      ZipEntry pdf = new ZipEntry(name);
      pdf.setMethod(ZipEntry.STORED);
      pdf.setSize(letter.pdf().length);
      pdf.setCompressedSize(letter.pdf().length);
      CRC32 crc = new CRC32();
      crc.update(letter.pdf());
      pdf.setCrc(crc.getValue());
      pdf.setLastModifiedTime(time);
      zip.putNextEntry(pdf);
      zip.write(letter.pdf());
      zip.closeEntry();
    }
    zip.finish();
    zip.flush();
  }

  /** "市监函〔2022〕15号_911100.pdf" for each stored letter; a clash gets the reply's id added. */
  static Map<Long, String> fileNames(List<LetterArchiveEntry> entries) {
    Map<Long, String> names = new LinkedHashMap<>();
    Set<String> used = new HashSet<>();
    for (LetterArchiveEntry e : entries) {
      if (!e.stored()) {
        continue;
      }
      String base = safe(e.documentNumber()) + "_" + safe(e.proposalNumber());
      String name = used.contains(base + ".pdf") ? base + "_" + e.publicationId() : base;
      used.add(name + ".pdf");
      names.put(e.publicationId(), name + ".pdf");
    }
    return names;
  }

  /** No path separators, control or reserved characters in a file name inside the ZIP. */
  static String safe(String part) {
    String s = part.replaceAll("[\\p{Cntrl}/\\\\:*?\"<>|]", "_").strip();
    return s.isEmpty() || s.startsWith(".") ? "_" + s : s;
  }
}
