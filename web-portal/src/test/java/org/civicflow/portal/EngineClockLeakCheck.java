package org.civicflow.portal;

import java.time.Duration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * The engine's clock is one for the whole JVM (Camunda's {@code ClockUtil}), and every Spring
 * context of the suite reads it: a test class that moves it and leaves it moved changes the times
 * of the classes after it (a reply signed in the very second of a switch, a deadline already past).
 * After each class this fails the class that left the clock away from the real time, and puts the
 * clock back so that the next class starts on real time.
 */
public class EngineClockLeakCheck extends AbstractTestExecutionListener {

  private static final Duration TOLERANCE = Duration.ofSeconds(5);

  @Override
  public void afterTestClass(TestContext context) {
    long off = Math.abs(ClockUtil.now().getTime() - System.currentTimeMillis());
    if (off > TOLERANCE.toMillis() || standsStill()) {
      ClockUtil.reset();
      throw new IllegalStateException(
          context.getTestClass().getSimpleName()
              + " left the engine's clock moved or standing still; reset it in a finally block"
              + " or an @AfterAll/@AfterEach method");
    }
  }

  private static boolean standsStill() {
    long first = ClockUtil.now().getTime();
    try {
      Thread.sleep(3);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return ClockUtil.now().getTime() == first;
  }

  @Override
  public int getOrder() {
    return LOWEST_PRECEDENCE;
  }
}
