package io.instancerole.local;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium for the browser tests: Debian's {@code chromium} driven through its
 * {@code chromedriver} (paths overridable with CHROMIUM_BINARY and CHROMEDRIVER), never a
 * browser downloaded at test time. Without them the tests are skipped with a loud message on a
 * developer's machine, and fail under CI ({@code CI=true}), where .ci/run installs them.
 */
final class Chromium {
    private static final String INSTALL = "apt-get update && apt-get install -y chromium chromium-driver";

    /** Held so the setting sticks: Selenium warns that it has no DevTools binding for this Chromium, which these tests never use. */
    private static final Logger CDP_WARNINGS = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    private Chromium() {}

    /** A fresh browser with its own empty profile; the caller quits it. */
    static ChromeDriver start(Map<String, String> environment) {
        File browser = new File(environment.getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium"));
        File driver = new File(environment.getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
        if (!browser.canExecute() || !driver.canExecute()) {
            String missing = "browser tests need " + browser + " and " + driver + " (Debian: " + INSTALL + ")";
            if ("true".equalsIgnoreCase(environment.get("CI"))) {
                fail(missing + "; CI=true, so they are required: .ci/run installs them");
            }
            System.err.println("\n!!!!!!!!!! BROWSER TESTS SKIPPED: " + missing + " !!!!!!!!!!\n");
            Assumptions.abort(missing);
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("instance-role-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CDP_WARNINGS.setLevel(Level.SEVERE);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser);
        // the flags this machine needs: no sandbox as root, and no background connections to a closed network
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1366,900", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver)
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().window().setSize(new Dimension(1366, 900));
        return chrome;
    }
}
