package se.samverkansvaven.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samverkansvaven.ApiClient;
import se.samverkansvaven.importing.BundleImporter;

/**
 * The header's two tools in Chromium: the real-data switch ("Visa endast verkliga uppgifter") sets
 * {@code illustrative=false} in the address, the menu carries it, and the page, asked again, shows no
 * illustrative badge; the search box finds a real rescue-service federation, a network and a municipality,
 * grouped, each a link to its page. Same Spring context as the other web tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeaderChromiumTest {

    @LocalServerPort
    int port;

    Browser browser;

    @BeforeAll
    void start(@Autowired BundleImporter importer) throws IOException {
        WebAppExpectations.loadIllustrativeData(new ApiClient(port), importer);
        browser = Browser.start(port);
    }

    @AfterAll
    void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    WebDriverWait waiting() {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(30));
    }

    long count(String css) {
        return browser.driver().findElements(By.cssSelector(css)).size();
    }

    @Test
    void theSwitchKeepsRealDataOnlyInTheAddressAndTheBadgesGo() {
        // The day Tibro–Hjo's invented agreement ended and Södra Bohuslän's real federation merged into Storgöteborg.
        browser.open("forandringar.html?from=2022-12-31&to=2023-01-01&lang=sv");
        browser.waitFor("#diff-table tbody tr");
        browser.settle();
        assertThat(count("main .badge.illustrative")).as("the invented rows are marked by default").isPositive();
        assertThat(browser.text("label[for=real-only]")).isEqualTo("Visa endast verkliga uppgifter");

        browser.driver().findElement(By.id("real-only")).click();
        waiting().until(d -> d.getCurrentUrl().contains("illustrative=false"));
        browser.waitFor("#diff-table tbody tr");
        browser.settle();
        assertThat(browser.driver().findElement(By.id("real-only")).isSelected()).isTrue();
        assertThat(count(".badge.illustrative")).as("no illustrative badge anywhere").isZero();
        assertThat(browser.text("#diff-table tbody")).contains("Södra Bohusläns Räddningstjänstförbund")
                .doesNotContain("ill-");
        List<String> menu = browser.driver().findElements(By.cssSelector("header nav a")).stream()
                .map(a -> a.getAttribute("href")).toList();
        assertThat(menu).isNotEmpty().allMatch(href -> href.contains("illustrative=false"));
        // The download is as real-only as the page: its link asks for it, and the file holds no invented row.
        String csv = (String) browser.js("return document.getElementById('csv-link').getAttribute('href')");
        assertThat(csv).startsWith("/api/snapshots/diff?").contains("format=csv").contains("illustrative=false");
        var file = new ApiClient(port).get(csv);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.text()).contains("Södra Bohusläns Räddningstjänstförbund").doesNotContain("ill-");

        // Off again: the default view, badges back.
        browser.driver().findElement(By.id("real-only")).click();
        waiting().until(d -> !d.getCurrentUrl().contains("illustrative="));
        browser.waitFor("#diff-table tbody tr");
        browser.settle();
        waiting().until(d -> count("main .badge.illustrative") > 0);
        assertThat((String) browser.js("return document.getElementById('csv-link').getAttribute('href')"))
                .doesNotContain("illustrative=");
    }

    /**
     * An analysis resting on invented rows says so beside its figures (restsOnIllustrative): Skaraborg's invented
     * bodies have parties in Västra Götaland, so Mellanhänder for county 14 shows the notice; real-only, it is gone.
     */
    @Test
    void anAnswerRestingOnInventedRowsSaysSo() {
        browser.open("mellanhander.html?scope=county:14&lang=en");
        browser.waitFor("#broker-table tbody tr");
        browser.waitFor("#rests-on-illustrative");
        assertThat(browser.text("#rests-on-illustrative")).contains("rests partly on invented (illustrative) rows");
        browser.open("mellanhander.html?scope=county:14&lang=en&illustrative=false");
        browser.waitFor("#broker-table tbody tr");
        browser.settle();
        assertThat(count("#rests-on-illustrative")).isZero();
    }

    @Test
    void theSearchBoxFindsBodiesNetworksAndMunicipalities() {
        browser.open("karta.html?lang=sv");
        browser.waitFor("#site-search");

        search("raddningstjansten storgoteborg");
        assertThat(links("body")).singleElement().satisfies(link -> {
            assertThat(link[0]).isEqualTo("Räddningstjänsten Storgöteborg");
            assertThat(link[1]).contains("redigera.html?id=fed-rsg");
        });
        assertThat(count("#site-search-results [data-kind=network]")).isZero();

        search("KOMMUNDIREKTÖR");
        assertThat(links("network")).anySatisfy(link -> {
            assertThat(link[0]).isEqualTo("Kommundirektörsnätverket Skaraborg");
            assertThat(link[1]).contains("natverk.html?network=ill-nat-skb-kommundirektorer");
        });

        search("skovde");
        assertThat(links("municipality")).anySatisfy(link -> {
            assertThat(link[0]).isEqualTo("Skövde (1496)");
            assertThat(link[1]).contains("index.html?code=1496");
        });

        // Enter opens the first hit: the federation's details.
        search("storgöteborg");
        browser.driver().findElement(By.id("site-search")).sendKeys(Keys.ENTER);
        waiting().until(d -> d.getCurrentUrl().contains("redigera.html?id=fed-rsg"));
        browser.waitFor("#view-section");
    }

    private void search(String text) {
        var input = browser.driver().findElement(By.id("site-search"));
        input.clear();
        input.sendKeys(text);
        waiting().until(d -> Boolean.TRUE.equals(browser.js("const r = document.getElementById('site-search-results');"
                + " return !r.hidden && r.dataset.query === arguments[0];", text)));
    }

    /** The group's links as [text, href]. */
    private List<String[]> links(String kind) {
        return browser.driver().findElements(By.cssSelector("#site-search-results [data-kind=" + kind + "] a")).stream()
                .map(a -> new String[] {a.getText().strip(), a.getAttribute("href")}).toList();
    }
}
