package io.coinsphere.exchangesync.page;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coinsphere.exchangesync.auth.SessionCookies;
import io.coinsphere.exchangesync.auth.TokenIssuer;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium for a test class, driven through the system's chromedriver so Selenium
 * Manager never downloads a browser or driver. Without Chromium the tests are skipped, except
 * under {@code CI=true}, where a missing browser fails them.
 */
final class Browser implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(20);
    private static final String CHROMIUM = System.getProperty("coinsphere.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("coinsphere.chromedriver", "/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path profile;
    private final String base;
    final WebDriverWait wait;

    private Browser(ChromeDriver driver, Path profile, int port) {
        this.driver = driver;
        this.profile = profile;
        this.base = "http://127.0.0.1:" + port;
        this.wait = new WebDriverWait(driver, WAIT);
        // The page re-renders cards on every update, so an element found a moment ago may be replaced.
        this.wait.ignoring(StaleElementReferenceException.class);
    }

    static Browser start(int port) {
        boolean present = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
        String missing = "Chromium (" + CHROMIUM + ") or chromedriver (" + CHROMEDRIVER + ") is not installed; "
                + "install the chromium and chromium-driver packages to run the browser tests";
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(missing + " (CI=true: a missing browser fails the build)");
        }
        assumeTrue(present, missing + ". Browser tests skipped.");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        Path profile;
        try {
            profile = Files.createTempDirectory("coinsphere-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-extensions", "--window-size=1280,900", "--lang=en-US", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(WAIT);
        return new Browser(driver, profile, port);
    }

    WebDriver driver() {
        return driver;
    }

    void open(String path) {
        driver.get(base + path);
    }

    /** Signs in as the holder of {@code accessToken} with the cookies a login sets, and opens the exchanges page. */
    void openExchangesAs(String accessToken) {
        setSession(accessToken, csrfClaim(accessToken));
        open("/exchanges");
        waitUntilLoaded();
    }

    /** Replaces the browser's cookies with a session: the token (HttpOnly, as the service sets it) and its CSRF token. */
    void setSession(String accessToken, String csrfToken) {
        signOutHere();
        driver.manage().addCookie(new Cookie.Builder(SessionCookies.SESSION, accessToken).path("/").isHttpOnly(true)
                .sameSite("Strict").build());
        driver.manage().addCookie(new Cookie.Builder(SessionCookies.CSRF, csrfToken).path("/").sameSite("Strict").build());
    }

    /** Drops every cookie of the service (on a page of its own, without running the sign-in page's script). */
    void signOutHere() {
        open("/assets/favicon.svg");
        driver.manage().deleteAllCookies();
    }

    /** The value of a cookie as the browser holds it (also an HttpOnly one), or null. */
    String cookie(String name) {
        Cookie cookie = driver.manage().getCookieNamed(name);
        return cookie == null ? null : cookie.getValue();
    }

    /** The session cookie's HttpOnly flag as the browser stored it. */
    boolean httpOnly(String name) {
        return driver.manage().getCookieNamed(name).isHttpOnly();
    }

    private static String csrfClaim(String accessToken) {
        try {
            byte[] payload = Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]);
            return new ObjectMapper().readTree(payload).get(TokenIssuer.CSRF_CLAIM).asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the page shows its data and the live stream is subscribed. */
    void waitUntilLoaded() {
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("loading")));
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-live", "live"));
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /**
     * Clicks the element, finding it again if the page re-rendered it meanwhile, and waiting while something (a
     * toast at the bottom of a small screen) lies over it, as a user would.
     */
    void click(String css) {
        wait.until(d -> {
            try {
                find(css).click();
                return true;
            } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
                return false;
            }
        });
    }

    /** Runs a script that calls its last argument with the result (e.g. after importing a page module). */
    Object asyncScript(String code, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(code, args);
    }

    /** The element's text, read again if the page re-rendered it between finding and reading. */
    String text(String css) {
        return wait.until(d -> find(css).getText());
    }

    /** An attribute ("" when absent), read again if the page re-rendered the element meanwhile. */
    String attr(String css, String name) {
        return wait.until(d -> {
            String value = find(css).getAttribute(name);
            return value == null ? "" : value;
        });
    }

    WebElement visible(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    void gone(String css) {
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(css)));
    }

    <T> T until(Function<WebDriver, T> condition) {
        return wait.until(condition);
    }

    Object script(String code, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(code, args);
    }

    String activeId() {
        return (String) script("return document.activeElement && document.activeElement.id");
    }

    /**
     * Script errors and Content-Security-Policy violations logged by the page since the last call.
     * HTTP error statuses the page handles on purpose (a 422 from a rejected key) are not counted.
     */
    List<String> scriptErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(m -> !m.contains("Failed to load resource"))
                .toList();
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    void screenshot(Path target) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
    }

    /**
     * Leaves the page first and gives the server a moment to see its event stream end, so no
     * half-closed stream is left for the server's graceful shutdown to wait for.
     */
    void closeAfterStreamsEnd(IntSupplier openStreams) {
        try {
            driver.get("about:blank");
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> openStreams.getAsInt() == 0);
        } catch (ConditionTimeoutException stillOpen) {
            // Best effort: the stream ends at its next heartbeat anyway.
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                // A leftover temporary profile is harmless.
            }
        }
    }
}
