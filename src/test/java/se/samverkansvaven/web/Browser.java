package se.samverkansvaven.web;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by chromium-driver, against the app on {@code port}, with its own
 * profile (removed on close) and the browser console log kept. Shared by the browser tests so they start it
 * the same way; screenshots go to target/screenshots/.
 */
final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final int port;
    private final WebDriver driver;
    private final Path profile;

    private Browser(int port, WebDriver driver, Path profile) {
        this.port = port;
        this.driver = driver;
        this.profile = profile;
    }

    static Browser start(int port) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("The browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): apt-get install -y chromium chromium-driver (.ci/run installs them).");
        }
        Files.createDirectories(SCREENSHOTS);
        Path profile = Files.createTempDirectory("webapp-chrome");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1280,800", "--lang=sv-SE");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 800));
        return new Browser(port, driver, profile);
    }

    WebDriver driver() {
        return driver;
    }

    void open(String path) {
        driver.get("http://localhost:" + port + "/" + path);
    }

    void waitFor(String css) {
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> !d.findElements(By.cssSelector(css)).isEmpty());
    }

    /** Lets pending fetches and rendering finish: no loading notice left on the page. */
    void settle() {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.findElements(By.cssSelector(".message.loading")).isEmpty());
    }

    String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText().strip();
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** A DevTools command of Chromium (ChromeDriver passes it through), e.g. Page.printToPDF. */
    Map<String, Object> cdp(String command, Map<String, Object> params) {
        return ((ChromeDriver) driver).executeCdpCommand(command, params);
    }

    /** The page printed as Chromium's print preview does (Page.printToPDF), honouring the page's @page size. */
    byte[] pdf() {
        Map<String, Object> result = cdp("Page.printToPDF", Map.of("printBackground", true, "preferCSSPageSize", true));
        return java.util.Base64.getDecoder().decode((String) result.get("data"));
    }

    /** Downloads go to dir (created), as a user's would to the downloads folder. */
    void downloadTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        cdp("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", dir.toAbsolutePath().toString(),
                "eventsEnabled", false));
    }

    List<LogEntry> logs() {
        return driver.manage().logs().get(LogType.BROWSER).getAll();
    }

    void screenshot(String name) throws IOException {
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
