package dev.paperboy.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/** Debian's headless Chromium under Selenium, in a chosen time zone, with or without script; saves screenshots. */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target/screenshots");
    // a deadline, not a pause: the waits return as soon as the page is there; a loaded landing machine (load 20+) took
    // more than 10 s to answer a form once
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Path DRIVER = ChromiumCondition.onPath("chromedriver", System.getenv())
            .orElse(Path.of("/usr/bin/chromedriver"));
    private static final Path CHROMIUM = ChromiumCondition.onPath("chromium", System.getenv())
            .orElse(Path.of("/usr/bin/chromium"));

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts a browser whose pages see {@code timezone} (an IANA id, passed to Chromium as TZ). */
    public static Browser start(String timezone, boolean scriptEnabled) {
        try {
            Path profile = Files.createTempDirectory("paperboy-chromium-");
            ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments(
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-quic", "--window-size=1100,900", "--user-data-dir=" + profile);
            if (!scriptEnabled) {
                options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
            }
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                    .usingAnyFreePort().withEnvironment(Map.of("TZ", timezone))
                    .withLogOutput(OutputStream.nullOutputStream()).build();
            return new Browser(new ChromeDriver(service, options), profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** The address of this path on the app under test, whose root URL the test was given. */
    public static String url(URL root, String path) {
        return root.toString().replaceFirst("/$", "") + path;
    }

    public void open(String url) {
        driver.get(url);
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** The page's first heading, once it reads {@code text}; fails after 30 s with what it read instead. */
    public WebElement awaitHeading(String text) {
        new WebDriverWait(driver, PATIENCE)
                .withMessage(() -> "heading is not '" + text + "' on " + driver.getCurrentUrl() + ":\n"
                        + driver.findElement(By.tagName("body")).getText())
                .until(ExpectedConditions.textToBe(By.tagName("h1"), text));
        return find("h1");
    }

    /** Waits up to 30 s for the element to be shown. */
    public WebElement awaitVisible(String css) {
        return new WebDriverWait(driver, PATIENCE)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** The value of the chosen option of a select. */
    public String selected(String css) {
        return new Select(find(css)).getFirstSelectedOption().getAttribute("value");
    }

    /** Saves the whole page, not just the window, to target/screenshots/{name}.png. */
    public Path screenshot(String name) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Number> size = (Map<String, Number>) metrics.get("cssContentSize");
        // capturing beyond the viewport drops the scrollbar, so the page widens to the window's inner width
        Number window = (Number) driver.executeScript("return window.innerWidth");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "scale", 1, "height", size.get("height").doubleValue(),
                "width", Math.max(size.get("width").doubleValue(), window.doubleValue()));
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a leftover temp profile harms nothing
            }
        }
    }
}
