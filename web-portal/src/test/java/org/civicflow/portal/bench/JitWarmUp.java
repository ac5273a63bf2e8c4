package org.civicflow.portal.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * Warms a benchmark up until the JIT compiler is nearly idle: batches of work run until one spends
 * less than {@link #STEADY_JIT_SHARE} of its wall time compiling (the steady state of a server that
 * has been up for a while), or until a number of batches ran. Otherwise the measured phase pays for
 * compiling Spring, Tomcat, Jackson and MyBatis, on a two-core machine at the cost of the database
 * server's CPU.
 */
final class JitWarmUp {

  static final double STEADY_JIT_SHARE = 0.05;

  /** One batch of the benchmark's work. */
  interface Batch {
    void run() throws Exception;
  }

  /** How many batches ran, and how much of the last one's wall time the JIT spent compiling. */
  record Result(int batches, double lastBatchJitShare) {}

  private JitWarmUp() {}

  static Result until(Batch batch, int maxBatches) throws Exception {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    int done = 0;
    double share = Double.NaN;
    while (done < maxBatches) {
      long compiling = jit.getTotalCompilationTime();
      long t = System.nanoTime();
      batch.run();
      double wallMs = (System.nanoTime() - t) / 1e6;
      done++;
      share = (jit.getTotalCompilationTime() - compiling) / wallMs;
      if (share < STEADY_JIT_SHARE) {
        break;
      }
    }
    return new Result(done, share);
  }
}
