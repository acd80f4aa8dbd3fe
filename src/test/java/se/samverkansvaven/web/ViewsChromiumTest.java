package se.samverkansvaven.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@link ViewChecks} in Debian's headless Chromium, plus what only Chromium's driver does: the PNG and SVG saved
 * as files by the browser's own download. The PDF comes from DevTools' Page.printToPDF. Same Spring context as
 * the other web tests; screenshots go to target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ViewsChromiumTest extends ViewChecks {

    @Override
    ViewSession startBrowser() throws IOException {
        return new ViewSession.Chromium(Browser.start(port), port);
    }

    @Test
    void thePicturesAreSavedAsFilesOfTheirType() throws IOException {
        Path downloads = Path.of("target", "downloads");
        Browser browser = ((ViewSession.Chromium) session).browser();
        browser.downloadTo(downloads);
        try (Stream<Path> old = Files.list(downloads)) {
            old.forEach(p -> p.toFile().delete());
        }
        open("index.html?code=1496");
        session.waitFor("#graph-tools button[data-download=svg]");
        session.settle();
        session.click("#graph-tools button[data-download=png]");
        session.click("#graph-tools button[data-download=svg]");
        Path png = downloads.resolve("samverkansvav-skovde-" + WebAppExpectations.AS_OF + ".png");
        Path svg = downloads.resolve("samverkansvav-skovde-" + WebAppExpectations.AS_OF + ".svg");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> Files.exists(png) && Files.exists(svg));
        byte[] pngBytes = Files.readAllBytes(png);
        assertThat(pngBytes.length).isGreaterThan(10_000);
        assertThat(pngBytes[1]).isEqualTo((byte) 'P');
        assertThat(Files.readString(svg)).startsWith("<?xml").contains("<svg").contains("Skövdes samverkansväv");
    }
}
