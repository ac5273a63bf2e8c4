package org.civicflow.portal.browser;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** Saves what the browser showed when a browser test failed, under target/browser-screenshots. */
class ScreenshotOnFailure implements TestWatcher {

  private Browser browser;

  void watch(Browser browser) {
    this.browser = browser;
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    if (browser != null) {
      browser.screenshot(
          Path.of(
              "target",
              "browser-screenshots",
              context.getRequiredTestClass().getSimpleName()
                  + "-"
                  + context.getDisplayName().replaceAll("\\W+", "_")
                  + ".png"));
    }
  }
}
