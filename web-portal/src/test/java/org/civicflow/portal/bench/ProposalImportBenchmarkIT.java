package org.civicflow.portal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.civicflow.portal.imports.ImportSamplesAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The bulk import at the size of a session: generates {@code civicflow.bench.import.rows} (5,000)
 * rows as xlsx, imports them over the API (each row registered and its process started) while
 * sampling the heap, then imports the same file again (every row skipped as a duplicate). Writes
 * rows/s and the heap to target/bench/import.md. Run by {@code mvn verify -Pbench} (see
 * docs/performance.md); not a timed test: it asserts only that every row was imported.
 */
@EnabledIfSystemProperty(named = "civicflow.bench", matches = "true")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"camunda.bpm.job-execution.enabled=false", "civicflow.demo=true"})
class ProposalImportBenchmarkIT {

  static final int ROWS = Integer.getInteger("civicflow.bench.import.rows", 5_000);
  private static final ParameterizedTypeReference<Map<String, Object>> MAP =
      new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate http;

  @Test
  void importsASessionsProposals() throws Exception {
    String prefix = "K" + (System.currentTimeMillis() % 10_000_000L);
    byte[] file = ImportSamplesAccess.xlsx(ImportSamplesAccess.rows(prefix, ROWS, 2022));
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long heapBefore = memory.getHeapMemoryUsage().getUsed();
    AtomicLong peak = new AtomicLong(heapBefore);
    Thread sampler =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                  Thread.sleep(50);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    sampler.setDaemon(true);
    sampler.start();
    long start = System.nanoTime();
    Map<String, Object> first = run(file);
    double seconds = (System.nanoTime() - start) / 1e9;
    sampler.interrupt();
    long againStart = System.nanoTime();
    Map<String, Object> again = run(file);
    double againSeconds = (System.nanoTime() - againStart) / 1e9;

    String report =
        String.format(
            """
        ## Bulk import — %d rows (%s)

        | run | rows | imported | skipped | seconds | rows/s |
        |---|---|---|---|---|---|
        | first import (register + start process per row) | %d | %s | %s | %.1f | %.0f |
        | same file again (all duplicates) | %d | %s | %s | %.1f | %.0f |

        File: %d KB xlsx. Heap used before %d MB, peak while importing %d MB (sampled every 50 ms;
        max heap %d MB). Upload, check, preview-free start over HTTP; polling every 200 ms.
        """,
            ROWS,
            System.getProperty("spring.profiles.active", "h2"),
            ROWS,
            first.get("imported"),
            first.get("skipped"),
            seconds,
            ROWS / seconds,
            ROWS,
            again.get("imported"),
            again.get("skipped"),
            againSeconds,
            ROWS / againSeconds,
            file.length / 1024,
            heapBefore >> 20,
            peak.get() >> 20,
            memory.getHeapMemoryUsage().getMax() >> 20);
    Files.createDirectories(Path.of("target/bench"));
    Files.writeString(Path.of("target/bench/import.md"), report);
    System.out.println(report);
    assertThat(first).containsEntry("status", "DONE").containsEntry("imported", ROWS);
    assertThat(again).containsEntry("imported", 0).containsEntry("skipped", ROWS);
  }

  private Map<String, Object> run(byte[] file) throws InterruptedException {
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add(
        "file",
        new ByteArrayResource(file) {
          @Override
          public String getFilename() {
            return "bench.xlsx";
          }
        });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    var started =
        http.withBasicAuth("registrar", "Demo@12345")
            .exchange(
                "/api/v1/proposals/imports",
                HttpMethod.POST,
                new HttpEntity<>(parts, headers),
                MAP);
    assertThat(started.getStatusCode().value()).as("%s", started.getBody()).isEqualTo(202);
    Object id = started.getBody().get("id");
    while (true) {
      Map<String, Object> p =
          http.withBasicAuth("registrar", "Demo@12345")
              .exchange(
                  "/api/v1/proposals/imports/" + id + "?errors=false", HttpMethod.GET, null, MAP)
              .getBody();
      if (List.of("DONE", "FAILED").contains(p.get("status"))) {
        return p;
      }
      Thread.sleep(200);
    }
  }
}
