package org.civicflow.portal.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.civicflow.domain.signoff.ReplySigning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Generating and signing one reply letter (the letter of 911100: layout, font subset, PAdES
 * signature), timed after a warm-up: p50, p95 and the slowest of {@code civicflow.bench.letters}
 * letters (300; the smoke run 10). Writes target/bench/letters.md and a summary row; target p95
 * under 300 ms. Run by {@code mvn verify -Pbench} (bench/run-all.sh); not a timed test: it asserts
 * only that every letter was made and signed. In the letters package, whose classes it drives.
 */
@EnabledIfSystemProperty(named = "civicflow.bench", matches = "true")
@SpringBootTest(properties = {"camunda.bpm.job-execution.enabled=false", "civicflow.demo=true"})
class LetterBenchmarkIT {

  static final int LETTERS = Integer.getInteger("civicflow.bench.letters", 300);
  static final int WARM_UP = Math.max(3, LETTERS / 5);

  @Autowired JdbcTemplate jdbc;
  @Autowired ReplySigning signing;
  @Autowired LetterContents contents;
  @Autowired PdfLetterWriter writer;
  @Autowired LetterSigner signer;

  @Test
  void generatesAndSignsALetter() throws Exception {
    long[] ids = PdfReplyLetterIT.ids911100(jdbc);
    LetterContent c = contents.of(signing.signedReply(ids[0], ids[1]));
    VerificationFooter footer =
        new VerificationFooter(
            "http://localhost:8080/verify/ABCDEFGH23",
            "扫码或访问下列地址验证本函：",
            "http://localhost:8080/verify/ABCDEFGH23",
            "验证码：ABCDEFGH23");
    int size = 0;
    for (int i = 0; i < WARM_UP; i++) {
      size = signer.sign(writer.write(c, "市监函〔2022〕1号", footer), c, "市监函〔2022〕1号").length;
    }
    long[] nanos = new long[LETTERS];
    for (int i = 0; i < LETTERS; i++) {
      long start = System.nanoTime();
      byte[] pdf = signer.sign(writer.write(c, "市监函〔2022〕" + i + "号", footer), c, "n");
      nanos[i] = System.nanoTime() - start;
      assertThat(pdf.length).isGreaterThan(10_000);
    }
    Arrays.sort(nanos);
    double p50 = millis(nanos[LETTERS / 2]);
    double p95 = millis(nanos[(int) Math.ceil(LETTERS * 0.95) - 1]);
    double max = millis(nanos[LETTERS - 1]);
    String report =
        String.format(
            """
        ## Reply letter: generate and sign one PDF — %d letters after %d warm-up

        | p50 | p95 | slowest | letter size |
        |---|---|---|---|
        | %.0f ms | %.0f ms | %.0f ms | %,d bytes |

        The letter of 911100 (two pages, Noto Serif SC subset, PAdES B-B signature with a
        2048-bit RSA key), written and signed in this JVM; storing it is not included.
        """,
            LETTERS, WARM_UP, p50, p95, max, size);
    Files.createDirectories(Path.of("target/bench"));
    Files.writeString(Path.of("target/bench/letters.md"), report);
    String load = Files.readString(Path.of("/proc/loadavg")).trim();
    Files.writeString(
        Path.of("target/bench/letters.row"),
        String.format(
            "| Reply letter, generate and sign (%d letters) | p95 < 300 ms | **%.0f ms** (p50 %.0f"
                + " ms) | %s | %s |%n",
            LETTERS,
            p95,
            p50,
            p95 < 300 ? "yes" : "no",
            load.substring(0, load.lastIndexOf(' ', load.lastIndexOf(' ') - 1))));
    System.out.println(report);
    assertThat(Duration.ofNanos(nanos[0])).isPositive();
  }

  private static double millis(long nanos) {
    return nanos / 1_000_000.0;
  }
}
