package io.coinsphere.exchangesync.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.coinsphere.exchangesync.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An operator's view: the system Chromium opens Hawtio with the admin's Basic login, goes to the Camel routes
 * and finds the sync routes by id. The screenshot is kept as docs/hawtio-camel-routes.png.
 */
class HawtioBrowserIT extends IntegrationTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("Chromium and chromedriver are required in CI: apt-get install chromium chromium-driver");
        }
        assumeTrue(present, "Chromium or chromedriver is not installed (/usr/bin/chromium, /usr/bin/chromedriver): skipping");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1400, 900));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theCamelRoutesViewListsTheSyncRoutesById() throws Exception {
        admin();
        // What the browser's Basic login dialog does once the operator typed email and password: the browser
        // sends the credentials with every request of the console (headless Chromium has no dialog to fill).
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setExtraHTTPHeaders",
                Map.of("headers", Map.of("Authorization", OpsHttp.basic(ADMIN_EMAIL, ADMIN_PASSWORD))));
        browser.get("http://127.0.0.1:" + port + "/actuator/hawtio/camel/routes");

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        try {
            // The routes table (with its live counters) of the selected context, not just the tree on the left.
            wait.until(d -> d.findElements(By.cssSelector("table")).stream().anyMatch(t -> t.getText().contains("sync-connection")));
        } catch (RuntimeException e) {
            // Leaves what the browser saw for the failure report.
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), Path.of("target/hawtio-failure.png"),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(Path.of("target/hawtio-failure.txt"), browser.getCurrentUrl() + "\n"
                    + browser.findElement(By.tagName("body")).getText());
            throw e;
        }
        String table = browser.findElements(By.cssSelector("table")).stream().map(t -> t.getText())
                .filter(t -> t.contains("sync-connection")).findFirst().orElseThrow();
        assertThat(table).contains("sync-connection", "sync-worker", "sync-enqueue", "holdings-upsert", "fanout-quartz");

        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(Path.of("docs"));
        Files.copy(shot, Path.of("docs/hawtio-camel-routes.png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
