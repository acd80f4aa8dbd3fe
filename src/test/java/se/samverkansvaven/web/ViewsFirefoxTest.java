package se.samverkansvaven.web;

import java.io.IOException;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@link ViewChecks} in headless Firefox over WebDriver BiDi: the PDF from browsingContext.print, a fresh browser
 * as a new user context. Skipped, before any Spring context starts, when no Firefox is installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EnabledIf(value = "firefoxInstalled", disabledReason = "No Firefox found (firefox-esr or firefox on the PATH or in"
        + " /usr/bin), so the Firefox view tests are skipped: apt-get install -y firefox-esr (.ci/run installs it).")
class ViewsFirefoxTest extends ViewChecks {

    static boolean firefoxInstalled() {
        return FirefoxBiDi.findBinary().isPresent();
    }

    @Override
    ViewSession startBrowser() throws IOException {
        FirefoxBiDi firefox = FirefoxBiDi.start(FirefoxBiDi.findBinary().orElseThrow(), 1280, 800);
        return new ViewSession.Firefox(firefox, port, firefox.context(), true);
    }
}
