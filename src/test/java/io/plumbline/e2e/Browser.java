package io.plumbline.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from Debian's packages ({@code chromium}, {@code chromium-driver}), driven through its
 * chromedriver; nothing is downloaded at run time.
 */
final class Browser implements AutoCloseable {
    private final ChromeDriver driver;

    Browser() {
        ChromeOptions options = new ChromeOptions().setBinary(executable("CHROMIUM", "/usr/bin/chromium"))
                .addArguments("--headless=new", "--no-sandbox", "--disable-background-networking",
                        "--disable-dev-shm-usage", "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(executable("CHROMEDRIVER", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    private static String executable(String variable, String fallback) {
        String fromEnv = System.getenv(variable);
        return fromEnv == null || fromEnv.isBlank() ? fallback : fromEnv;
    }

    ChromeDriver driver() {
        return driver;
    }

    /** A screenshot kept under {@code target/screenshots/}. */
    Path screenshot(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Path file = dir.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
