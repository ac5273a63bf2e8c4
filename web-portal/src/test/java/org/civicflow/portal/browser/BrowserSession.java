package org.civicflow.portal.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The browser of a browser test class: Debian's Chromium, started once before the class's tests on
 * the application's random port (the class is skipped where Chromium is not installed), handed to
 * each test that takes a {@link Browser} parameter, a screenshot kept of each failed test, closed
 * after the class. Registered on an instance field of a {@code @TestInstance(PER_CLASS)} class:
 * {@code @RegisterExtension final BrowserSession session = new BrowserSession();}.
 */
final class BrowserSession extends ScreenshotOnFailure
    implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

  private Browser browser;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    assumeTrue(Browser.available(), "Debian's chromium and chromium-driver are not installed");
    String port =
        SpringExtension.getApplicationContext(context)
            .getEnvironment()
            .getRequiredProperty("local.server.port");
    browser = new Browser("http://localhost:" + port);
    watch(browser);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (browser != null) {
      browser.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Browser.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return browser;
  }
}
