package org.rilltokens.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium headless shell (or, with -Drill.chromium=/usr/bin/chromium, the full browser headless), driven
 * through Debian's chromium-driver (Selenium never downloads a browser or driver: SE_OFFLINE=true and both paths are
 * given). Helpers find things the way a person does: fields by their label, buttons by their text, table cells by
 * their column name.
 */
final class Browser implements AutoCloseable {

    static final Dimension DESKTOP = new Dimension(1280, 900);
    static final Dimension PHONE = new Dimension(390, 844);

    final ChromeDriver driver;
    private final Path profile;
    private final Path screenshots;
    private String base;

    private Browser(ChromeDriver driver, Path profile, Path screenshots) {
        this.driver = driver;
        this.profile = profile;
        this.screenshots = screenshots;
    }

    static Browser start(Path screenshots) throws IOException {
        File chromium = new File(System.getProperty("rill.chromium", "/usr/bin/chromium-headless-shell"));
        File chromedriver = new File(System.getProperty("rill.chromedriver", "/usr/bin/chromedriver"));
        if (!chromium.canExecute() || !chromedriver.canExecute()) {
            throw new IllegalStateException("The browser tests need Debian's chromium-headless-shell and chromium-driver ("
                    + chromium + ", " + chromedriver + "): apt-get install -y chromium-headless-shell chromium-driver (see bin/test)");
        }
        Path profile = Files.createTempDirectory("rill-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=" + DESKTOP.width + "," + DESKTOP.height, "--lang=en-US");
        if (chromium.getName().contains("headless-shell")) {
            // Tells chromedriver it is the headless shell, which opens no page by itself: the driver then opens one.
            options.setCapability("browserName", "chrome-headless-shell");
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver).usingAnyFreePort().build();
        Files.createDirectories(screenshots);
        return new Browser(new ChromeDriver(service, options), profile, screenshots);
    }

    /** A new visitor: no cookies, desktop size, the system's colour scheme. */
    void reset(String base) {
        this.base = base;
        driver.get(base + "/static/favicon.svg");
        driver.manage().deleteAllCookies();
        driver.manage().window().setSize(DESKTOP);
        colorScheme(null);
        driver.manage().logs().get(LogType.BROWSER);
    }

    void open(String path) {
        driver.get(base + path);
    }

    void reload() {
        driver.navigate().refresh();
    }

    void back() {
        driver.navigate().back();
    }

    /** Path and query of the page shown, e.g. "/access" or "/?sort=expires&order=asc". */
    String path() {
        URI uri = URI.create(driver.getCurrentUrl());
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    void signIn(String email, String password) {
        if (!path().startsWith("/login")) {
            open("/login");
        }
        type("Email", email);
        type("Password", password);
        press("Sign in");
    }

    WebElement field(String label) {
        return driver.findElement(By.id(labelFor(label)));
    }

    boolean hasField(String label) {
        return !driver.findElements(By.xpath("//label[normalize-space()=" + literal(label) + "]")).isEmpty();
    }

    private String labelFor(String label) {
        return driver.findElement(By.xpath("//label[normalize-space()=" + literal(label) + "]")).getDomAttribute("for");
    }

    void type(String label, String text) {
        WebElement field = field(label);
        field.clear();
        field.sendKeys(text);
    }

    /** Ticks a checkbox or picks a radio button by its label. */
    void check(String label) {
        WebElement field = field(label);
        if (!field.isSelected()) {
            field.click();
        }
    }

    void choose(String label, String option) {
        new Select(field(label)).selectByVisibleText(option);
    }

    /** The message shown beside a field: in the same field group as its label. */
    String errorBeside(String label) {
        WebElement group = driver.findElement(By.xpath("//label[normalize-space()=" + literal(label)
                + "]/ancestor::div[contains(@class,'field')][1]"));
        List<WebElement> errors = group.findElements(By.className("field-error"));
        return errors.isEmpty() ? "" : errors.get(0).getText();
    }

    WebElement button(String text) {
        return buttons(text).stream().filter(WebElement::isDisplayed).findFirst()
                .orElseThrow(() -> new AssertionError("no visible button '" + text + "' on " + path() + ":\n" + main()));
    }

    List<WebElement> buttons(String text) {
        return driver.findElements(By.xpath("//input[(@type='submit' or @type='button') and @value=" + literal(text)
                + "] | //button[normalize-space()=" + literal(text) + "]"));
    }

    /** Presses a button; one that sends a form waits for the page that answers. */
    void press(String text) {
        WebElement button = button(text);
        if ("submit".equals(button.getDomProperty("type"))) {
            navigate(button::click);
        } else {
            button.click();
        }
    }

    /** Presses the button whose accessible name (aria-label) is {@code label}, e.g. "Remove bob@acme.example". */
    void pressLabelled(String label) {
        WebElement button = driver.findElement(By.xpath("//input[@type='submit' and @aria-label=" + literal(label) + "]"));
        navigate(button::click);
    }

    /** Chooses in the select whose accessible name (aria-label) is {@code label}. */
    void chooseLabelled(String label, String option) {
        new Select(driver.findElement(By.xpath("//select[@aria-label=" + literal(label) + "]"))).selectByVisibleText(option);
    }

    void follow(String link) {
        navigate(driver.findElement(By.linkText(link))::click);
    }

    /** Does something that loads a new page, and waits until that page is there. */
    void navigate(Runnable action) {
        script("window.rillPreviousPage = true;");
        action.run();
        await("the next page", () -> Boolean.TRUE.equals(script(
                "return window.rillPreviousPage === undefined && document.readyState === 'complete';")));
    }

    void keys(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    void paste() {
        new Actions(driver).keyDown(Keys.CONTROL).sendKeys("v").keyUp(Keys.CONTROL).perform();
    }

    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    String main() {
        return driver.findElement(By.tagName("main")).getText();
    }

    String header() {
        return driver.findElement(By.tagName("header")).getText();
    }

    /** The global messages of the page (what happened), or "" when there are none. */
    String messages() {
        List<WebElement> messages = driver.findElements(By.cssSelector("ul.messages"));
        return messages.isEmpty() ? "" : messages.get(0).getText();
    }

    String count() {
        return driver.findElement(By.id("token-count")).getText();
    }

    /** The rows of the tokens table, each cell by its column name. */
    List<Map<String, String>> tokens() {
        return rows(TOKEN_ROWS);
    }

    List<String> tokenNames() {
        return tokens().stream().map(row -> row.get("Display name")).toList();
    }

    Map<String, String> token(String displayName) {
        return tokens().stream().filter(row -> row.get("Display name").equals(displayName)).findFirst()
                .orElseThrow(() -> new AssertionError("no token '" + displayName + "' in " + tokenNames()));
    }

    /** Presses Revoke in the first row of the token called {@code displayName}. */
    void revoke(String displayName) {
        pressInRow(displayName, "Revoke");
    }

    /** Presses a button of the first row of the token called {@code displayName}. */
    void pressInRow(String displayName, String button) {
        WebElement found = tokenRow(displayName).findElement(By.xpath(".//input[@value=" + literal(button) + "]"));
        navigate(found::click);
    }

    String confirmation() {
        return driver.findElement(By.cssSelector("tr.confirm")).getText();
    }

    boolean confirmationShown() {
        return !driver.findElements(By.cssSelector("tr.confirm")).isEmpty();
    }

    /** The rows of a table (by one of its column names), each cell by its column name. */
    List<Map<String, String>> table(String column) {
        return rows("//table[thead//th[normalize-space()=" + literal(column) + "]]/tbody/tr");
    }

    /**
     * The rows the XPath finds, each cell ([data-label]) by its column name with its text as a reader sees it. One
     * script for the whole table: reading it cell by cell took two WebDriver commands per cell (over 1 500 in
     * PortalBrowserIT, most of the browser's CPU).
     */
    @SuppressWarnings("unchecked")
    private List<Map<String, String>> rows(String xpath) {
        List<List<List<String>>> rows = (List<List<List<String>>>) script(ROWS_SCRIPT, xpath);
        List<Map<String, String>> result = new java.util.ArrayList<>();
        for (List<List<String>> row : rows) {
            Map<String, String> cells = new LinkedHashMap<>();
            row.forEach(cell -> cells.put(cell.get(0), cell.get(1)));
            result.add(cells);
        }
        return result;
    }

    private static final String TOKEN_ROWS = "//table[contains(concat(' ', normalize-space(@class), ' '), ' tokens ')]"
            + "/tbody/tr[not(contains(concat(' ', normalize-space(@class), ' '), ' confirm '))]";

    /** Rows by XPath, cells as [column, text]; the text as Selenium's getText gives it (lines trimmed, no-break spaces as spaces). */
    private static final String ROWS_SCRIPT = """
            const found = document.evaluate(arguments[0], document, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
            const rows = [];
            for (let i = 0; i < found.snapshotLength; i++) {
              rows.push(Array.from(found.snapshotItem(i).querySelectorAll('[data-label]')).map(cell => [
                cell.getAttribute('data-label'),
                cell.innerText.replace(/\\u00a0/g, ' ').split('\\n').map(line => line.replace(/[ \\t]+/g, ' ').trim())
                  .join('\\n').replace(/\\n{2,}/g, '\\n').trim()]));
            }
            return rows;""";

    /** The cell's tooltip (title) in the named column of a token's row. */
    String titleIn(String displayName, String column) {
        return tokenRow(displayName).findElement(By.cssSelector("td[data-label='" + column + "'] [title]")).getDomAttribute("title");
    }

    /** The first row of the tokens table whose display name reads {@code displayName}. */
    private WebElement tokenRow(String displayName) {
        List<String> names = tokenNames();
        int index = names.indexOf(displayName);
        if (index < 0) {
            throw new AssertionError("no token '" + displayName + "' in " + names);
        }
        return driver.findElement(By.xpath("(" + TOKEN_ROWS + ")[" + (index + 1) + "]"));
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    void await(String what, Supplier<Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(25)).withMessage(what).until(ignored -> condition.get());
    }

    void resize(Dimension size) {
        driver.manage().window().setSize(size);
    }

    /** Emulates the system's colour scheme ("dark", "light"), or stops emulating with null. */
    void colorScheme(String scheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", scheme == null ? "" : scheme))));
    }

    /** Replaces the session cookie by one the server never issued, as after a timeout or a restart. */
    void loseSession() {
        Cookie session = driver.manage().getCookieNamed("JSESSIONID");
        driver.manage().deleteCookieNamed("JSESSIONID");
        driver.manage().addCookie(new Cookie("JSESSIONID", "0000stale0000", session == null ? "/" : session.getPath()));
    }

    /** Console entries about a refused Content-Security-Policy or an uncaught script error since the last call. */
    List<String> problems() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Uncaught"))
                .toList();
    }

    /** A screenshot of the whole page under target/screenshots. */
    Path screenshot(String name) {
        Dimension size = driver.manage().window().getSize();
        long height = (Long) script("return Math.ceil(document.documentElement.scrollHeight);");
        resize(new Dimension(size.width, (int) Math.max(size.height, Math.min(height + 100, 4000))));
        try {
            Path file = screenshots.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            resize(size);
        }
    }

    void savePage(String name) {
        try {
            screenshot(name);
            Files.writeString(screenshots.resolve(name + ".html"), driver.getPageSource());
        } catch (RuntimeException | IOException e) {
            // Only a debugging aid for a test that already failed.
        }
    }

    /** An XPath string literal for any text, quotes included. */
    static String literal(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        if (!text.contains("\"")) {
            return "\"" + text + "\"";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // A leftover temporary profile is harmless.
        }
    }
}
