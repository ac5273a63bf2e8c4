package org.civicflow.portal.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.civicflow.domain.letter.LetterArchiveEntry;
import org.junit.jupiter.api.Test;

/** The parts of a session's ZIP of letters: the turns of the letter threads, names, the list. */
class LetterArchivePartsTest {

  static LetterArchiveEntry entry(long id, String department, String number, String sha) {
    return new LetterArchiveEntry(
        id,
        id * 10,
        "9111" + id,
        department,
        department + "局",
        number == null ? "FAILED" : "DONE",
        number == null ? "letter.noSigningKey" : null,
        number,
        Instant.parse("2022-03-01T02:30:00Z"),
        sha);
  }

  @Test
  void noTwoThreadsWorkOnOneDepartmentAndEveryReplyIsHandedOutOnce() throws Exception {
    List<LetterArchiveEntry> entries = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      entries.add(entry(i, "D" + (i % 3 == 0 ? 0 : i % 5), "n" + i, "x"));
    }
    DepartmentTurns turns = new DepartmentTurns(entries);
    Set<String> busy = ConcurrentHashMap.newKeySet();
    Set<Long> handed = ConcurrentHashMap.newKeySet();
    AtomicInteger clashes = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      threads.add(
          pool.submit(
              () -> {
                for (var e = turns.next(); e.isPresent(); e = turns.next()) {
                  if (!busy.add(e.get().departmentCode())) {
                    clashes.incrementAndGet();
                  }
                  assertThat(handed.add(e.get().publicationId())).isTrue();
                  Thread.sleep(1);
                  busy.remove(e.get().departmentCode());
                  turns.done(e.get());
                }
                return null;
              }));
    }
    for (Future<?> f : threads) {
      f.get();
    }
    pool.shutdown();
    assertThat(clashes).hasValue(0);
    assertThat(handed).hasSize(200);
  }

  @Test
  void aStoppedTurnHandsOutNothing() throws Exception {
    DepartmentTurns turns = new DepartmentTurns(List.of(entry(1, "A", "n", "x")));
    turns.stop();
    assertThat(turns.next()).isEmpty();
  }

  @Test
  void filesAreNamedByDocumentAndProposalNumberWithoutPathCharacters() {
    Map<Long, String> names =
        LetterArchiveZip.fileNames(
            List.of(
                entry(1, "A", "市监函〔2022〕15号", "x"),
                entry(2, "B", "../etc/passwd", "x"),
                entry(3, "C", null, null)));
    assertThat(names)
        .containsEntry(1L, "市监函〔2022〕15号_91111.pdf")
        .containsEntry(2L, "_.._etc_passwd_91112.pdf")
        .doesNotContainKey(3L);
    LetterArchiveEntry twin = entry(1, "B", "市监函〔2022〕15号", "x");
    LetterArchiveEntry other =
        new LetterArchiveEntry(
            4,
            40,
            twin.proposalNumber(),
            "B",
            "B局",
            "DONE",
            null,
            twin.documentNumber(),
            twin.signedAt(),
            "y");
    assertThat(LetterArchiveZip.fileNames(List.of(twin, other)).values())
        .containsExactly("市监函〔2022〕15号_91111.pdf", "市监函〔2022〕15号_91111_4.pdf");
  }

  @Test
  void theListNamesEveryReplyAndWhyALetterIsMissing() {
    List<LetterArchiveEntry> entries =
        List.of(entry(1, "A", "市监函〔2022〕15号", "abc"), entry(2, "=B", null, null));
    byte[] csv =
        LetterArchiveManifest.csv(
            entries,
            LetterArchiveZip.fileNames(entries),
            ZoneId.of("Asia/Shanghai"),
            key -> "[" + key + "]");
    String text = new String(csv, StandardCharsets.UTF_8);
    assertThat(text.split("\r\n"))
        .containsExactly(
            "\uFEFF\"[letter.archive.column.file]\",\"[letter.archive.column.number]\","
                + "\"[letter.archive.column.proposal]\",\"[letter.archive.column.department]\","
                + "\"[letter.archive.column.signedAt]\",\"SHA-256\",\"[letter.archive.column.note]\"",
            "\"市监函〔2022〕15号_91111.pdf\",\"市监函〔2022〕15号\",\"91111\",\"A局\","
                + "\"2022-03-01 10:30\",\"abc\",\"\"",
            "\"\",\"\",\"91112\",\"'=B局\",\"2022-03-01 10:30\",\"\","
                + "\"[letter.archive.failure.letter.noSigningKey]\"");
  }
}
