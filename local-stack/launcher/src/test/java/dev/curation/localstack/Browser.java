package dev.curation.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver for the browser tests. Both
 * paths are set explicitly (so Selenium Manager, which would download a browser or a driver, never
 * runs): {@code -Dcuration.browser.binary} / {@code CURATION_BROWSER_BINARY} (default
 * {@code /usr/bin/chromium}) and {@code -Dcuration.browser.driver} / {@code CURATION_BROWSER_DRIVER}
 * (default {@code /usr/bin/chromedriver}). Each browser has a fresh profile in a temporary directory.
 */
final class Browser implements AutoCloseable {

    /** Phone width: no page may scroll sideways at it. */
    static final int PHONE_WIDTH = 390;
    private static final int DESKTOP_WIDTH = 1280;
    private static final int HEIGHT = 900;
    /** axe-core 4.14.1's axe.min.js as npm publishes it (its package's sri-history.json gives the same digest). */
    static final String AXE_SHA256 = "29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profile;
    private final Path screenshots;

    private Browser(ChromeDriver driver, ChromeDriverService service, Path profile, Path screenshots) {
        this.driver = driver;
        this.service = service;
        this.profile = profile;
        this.screenshots = screenshots;
    }

    /** Starts a headless Chromium; fails (in CI) or aborts the test (elsewhere) when it is not installed. */
    static Browser start() {
        BrowserInstall install = BrowserInstall.find();
        Path profile;
        try {
            profile = Files.createTempDirectory("curation-browser-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(install.binary().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--user-data-dir=" + profile, "--window-size=" + DESKTOP_WIDTH + "," + HEIGHT,
                // the UI in English whatever the machine's locale (the Chinese one is checked by its own test)
                "--lang=en-US");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        // an alert a hostile title managed to open stays open, for the test to find, instead of failing the next command
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(install.driver().toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        Path screenshots = Path.of(System.getProperty("curation.screenshots", "target/screenshots"));
        return new Browser(driver, service, profile, screenshots);
    }

    WebDriver driver() {
        return driver;
    }

    Browser open(String url) {
        driver.get(url);
        return this;
    }

    String url() {
        return String.valueOf(driver.getCurrentUrl());
    }

    String title() {
        return String.valueOf(driver.getTitle());
    }

    /** The text a reader sees on the page. */
    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /** Sets a field's value at once (typing 10 KB key by key would take minutes). */
    void setValue(WebElement field, String value) {
        driver.executeScript("arguments[0].value = arguments[1];", field, value);
    }

    /**
     * Clicks {@code element} (a form's button) and waits until the browser has left the page it was
     * on: a form answered on the same address (a refusal shown on the form) changes no URL to wait for.
     */
    void clickAndAwaitNextPage(WebElement element) {
        WebElement page = driver.findElement(By.tagName("html"));
        element.click();
        new WebDriverWait(driver, WAIT).withMessage(() -> "waiting for the page after the click, at " + url())
                .until(ExpectedConditions.stalenessOf(page));
    }

    /** Waits until the page's URL satisfies the check (after a redirect, a submitted form). */
    void awaitUrl(Predicate<String> check, String description) {
        new WebDriverWait(driver, WAIT).withMessage(() -> "waiting for " + description + ", at " + url())
                .until(d -> check.test(String.valueOf(d.getCurrentUrl())));
    }

    /** The text of an alert, confirm or prompt that is open. */
    Optional<String> openAlert() {
        try {
            return Optional.of(String.valueOf(driver.switchTo().alert().getText()));
        } catch (NoAlertPresentException e) {
            return Optional.empty();
        }
    }

    /** A key pressed on whatever has the focus, as a person at the keyboard would. */
    void pressKey(CharSequence key) {
        new Actions(driver).sendKeys(key).perform();
    }

    /** The focus back on the page itself, out of any field. */
    void focusBody() {
        driver.executeScript("if (document.activeElement) { document.activeElement.blur(); }");
    }

    /**
     * Errors the browser reported since the last call: script errors, CSP violations, failed loads
     * (the console's SEVERE entries). Reading them empties the browser's buffer. The page's own
     * 4xx status is not one: Chromium logs it as a failed load, but a form shown again with the
     * API's refusal (422, 403) is the page doing its job.
     */
    List<String> consoleErrors() {
        String ownStatus = driver.getCurrentUrl() + " - Failed to load resource: the server responded with a status of 4";
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue() && !entry.getMessage().startsWith(ownStatus)) {
                errors.add(entry.getMessage());
            }
        }
        return errors;
    }

    void assertNoConsoleErrors(String pageName) {
        assertThat(consoleErrors()).as("browser console errors on %s", pageName).isEmpty();
    }

    /** One rule axe-core found broken, with its impact (minor, moderate, serious, critical) and where. */
    record AxeViolation(String id, String impact, String help, List<String> nodes) {
        @Override
        public String toString() {
            return impact + " " + id + " (" + help + "): " + String.join("; ", nodes);
        }
    }

    /** Runs axe-core (the vendored copy, checked against its digest) on the page as it is now. */
    List<AxeViolation> axe() {
        driver.executeScript(AxeSource.SCRIPT);
        Object result = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                  .then(r => done(JSON.stringify(r.violations.map(v => ({
                      id: v.id, impact: v.impact || 'unknown', help: v.help,
                      nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' -> ' + (n.failureSummary || ''))})))))
                  .catch(e => done('axe failed: ' + e));
                """);
        String json = String.valueOf(result);
        if (!json.startsWith("[")) {
            throw new IllegalStateException(json);
        }
        return JSON.readValue(json, new TypeReference<List<AxeViolation>>() { });
    }

    /** No serious or critical axe-core violation (WCAG 2.2 AA as axe checks it) on the page. */
    void assertNoSeriousAxeViolations(String pageName) {
        List<AxeViolation> serious = axe().stream()
                .filter(v -> v.impact().equals("serious") || v.impact().equals("critical")).toList();
        if (!serious.isEmpty()) {
            screenshot("axe-failure-" + pageName);
        }
        assertThat(serious).as("serious or critical axe-core violations on %s", pageName).isEmpty();
    }

    /**
     * Whether the page, shown 390 px wide (a phone), fits without sideways scrolling. The window goes
     * back to desktop width afterwards.
     */
    boolean noSidewaysScroll() {
        emulateWidth(PHONE_WIDTH, true);
        try {
            Object fits = driver.executeScript(
                    "const e = document.documentElement; return e.scrollWidth <= e.clientWidth;");
            return Boolean.TRUE.equals(fits);
        } finally {
            emulateWidth(DESKTOP_WIDTH, false);
        }
    }

    /** The widest element sticking out at phone width, to say what to fix when {@link #noSidewaysScroll()} fails. */
    String widestAtPhoneWidth() {
        emulateWidth(PHONE_WIDTH, true);
        try {
            return String.valueOf(driver.executeScript("""
                    const limit = document.documentElement.clientWidth;
                    let worst = null;
                    for (const el of document.querySelectorAll('body *')) {
                      const r = el.getBoundingClientRect();
                      if (r.right > limit + 1 && (!worst || r.right > worst.r)) worst = {r: r.right, el};
                    }
                    return worst ? worst.el.outerHTML.slice(0, 200) + ' reaches ' + worst.r + 'px' : 'nothing';
                    """));
        } finally {
            emulateWidth(DESKTOP_WIDTH, false);
        }
    }

    /** Also shows the page at phone width, screenshotted as {@code <name>-phone.png}. */
    void screenshotAtPhoneWidth(String name) {
        emulateWidth(PHONE_WIDTH, true);
        try {
            screenshot(name + "-phone");
        } finally {
            emulateWidth(DESKTOP_WIDTH, false);
        }
    }

    /** The viewport through DevTools: a headless window may not shrink below its minimum size. */
    private void emulateWidth(int width, boolean mobile) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", HEIGHT, "deviceScaleFactor", 1, "mobile", mobile));
    }

    /** Writes the page as {@code <name>.png} to {@code -Dcuration.screenshots} (default target/screenshots). */
    Path screenshot(String name) {
        try {
            Files.createDirectories(screenshots);
            Path file = screenshots.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * On the issuer's sign-in page (where a page's "Sign in" link or an action leads), fills its form
     * ({@code username}, {@code password}), submits it, and waits until the browser is back away from it.
     */
    void signIn(String user, String password) {
        new WebDriverWait(driver, WAIT).withMessage(() -> "waiting for the issuer's sign-in form, at " + url())
                .until(d -> !d.findElements(By.name("username")).isEmpty());
        String signInPage = url();
        WebElement name = driver.findElement(By.name("username"));
        name.clear();
        name.sendKeys(user);
        WebElement secret = driver.findElement(By.name("password"));
        secret.clear();
        secret.sendKeys(password);
        secret.submit();
        awaitUrl(url -> !url.equals(signInPage) && !url.contains("/login"), "the way back from the sign-in page");
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.close();
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> paths = Files.walk(profile)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory: the system cleans up what is left
        }
    }

    /** axe.min.js from the test resources, read once and checked against {@link #AXE_SHA256}. */
    static final class AxeSource {
        static final String SCRIPT = load();

        private AxeSource() {
        }

        private static String load() {
            try (InputStream in = Browser.class.getResourceAsStream("/axe-core/axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException("axe-core/axe.min.js is missing from the test resources");
                }
                byte[] bytes = in.readAllBytes();
                String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
                if (!digest.equals(AXE_SHA256)) {
                    throw new IllegalStateException("axe-core/axe.min.js is not axe-core 4.14.1 as published (sha256 "
                            + digest + ")");
                }
                return new String(bytes, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Where the browser and its driver are, or why the tests cannot run. */
    record BrowserInstall(Path binary, Path driver) {
        static BrowserInstall find() {
            Path binary = Path.of(setting("curation.browser.binary", "CURATION_BROWSER_BINARY", "/usr/bin/chromium"));
            Path driver = Path.of(setting("curation.browser.driver", "CURATION_BROWSER_DRIVER", "/usr/bin/chromedriver"));
            List<String> missing = new ArrayList<>();
            if (!Files.isExecutable(binary)) {
                missing.add("the browser " + binary);
            }
            if (!Files.isExecutable(driver)) {
                missing.add("its driver " + driver);
            }
            if (!missing.isEmpty()) {
                String message = String.join(" and ", missing) + " not found: install Debian's chromium chromium-driver"
                        + " (apt-get install chromium chromium-driver; .ci/run does), or point -Dcuration.browser.binary"
                        + " and -Dcuration.browser.driver (CURATION_BROWSER_BINARY, CURATION_BROWSER_DRIVER) at them";
                // CI installs them, so there a missing browser is a failure; a developer without one skips
                if (System.getenv("CI") != null && !System.getenv("CI").isBlank()) {
                    throw new IllegalStateException(message);
                }
                Assumptions.abort(message);
            }
            return new BrowserInstall(binary, driver);
        }

        private static String setting(String property, String env, String fallback) {
            String value = System.getProperty(property);
            if (value == null || value.isBlank()) {
                value = System.getenv(env);
            }
            return value == null || value.isBlank() ? fallback : value;
        }
    }
}
