package org.rilltokens.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * One headless Chromium for all the tests of a class: started before them and closed after them. The page is kept
 * (screenshot and HTML) when a test fails, and the console is checked after each test: a page that broke its
 * Content-Security-Policy, or a script error, says so there.
 */
final class BrowserPerClass implements BeforeAllCallback, AfterAllCallback, AfterEachCallback, TestWatcher {

    static final Path SCREENSHOTS = Path.of(System.getProperty("rill.war", "target/rill-tokens.war")).getParent().resolve("screenshots");

    private final String failurePrefix;
    private Browser browser;

    BrowserPerClass(String failurePrefix) {
        this.failurePrefix = failurePrefix;
    }

    Browser browser() {
        return browser;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        browser = Browser.start(SCREENSHOTS);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        assertThat(browser.problems()).as("console of " + context.getDisplayName()).isEmpty();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        browser.savePage(failurePrefix + context.getRequiredTestMethod().getName());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
        }
    }
}
