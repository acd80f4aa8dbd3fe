package se.samverkansvaven.web;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samverkansvaven.web.WebAppExpectations.AS_OF;
import static se.samverkansvaven.web.WebAppExpectations.ILLUSTRATIVE_BODY;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samverkansvaven.ApiClient;
import se.samverkansvaven.importing.BundleImporter;
import se.samverkansvaven.web.WebAppExpectations.Page;
import tools.jackson.databind.JsonNode;

/**
 * The web app in Debian's headless Chromium against the app on a random port with the shipped and the
 * illustrative bundles: every page loads without console errors, the ego web shows exactly the API's nodes,
 * Luckor lists the API's gaps, the language switch changes the labels, and a failed call shows its error.
 * One Spring context and one browser for the whole class; a screenshot of every page goes to
 * target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebAppBrowserTest {


    @LocalServerPort
    int port;

    @Autowired
    BundleImporter importer;

    private Browser browser;
    private WebDriver driver;
    private ApiClient api;

    @BeforeAll
    void start() throws IOException {
        api = new ApiClient(port);
        WebAppExpectations.loadIllustrativeData(api, importer);
        browser = Browser.start(port);
        driver = browser.driver();
        open("index.html");
        js("localStorage.setItem('samverkansvaven.lang', 'sv');");
    }

    @AfterAll
    void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void everyPageLoadsWithoutConsoleErrors() throws IOException {
        // Export links answer (checked by the page with a HEAD request; a failure would show a message).
        List<String> errors = new ArrayList<>();
        for (Page page : WebAppExpectations.PAGES) {
            logs(); // drop what came before
            open(page.path());
            waitFor(page.ready());
            settle();
            for (LogEntry entry : logs()) {
                if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    errors.add(page.path() + ": " + entry.getMessage());
                }
            }
            assertThat(text("h1")).as(page.path()).isNotBlank();
            if (page.marksIllustrative()) {
                assertThat(driver.findElements(By.cssSelector(".badge.illustrative"))).as("illustrative badge on " + page.path()).isNotEmpty();
            }
            screenshot(page.name());
            driver.manage().window().setSize(new Dimension(390, 844));
            settle();
            assertThat(((Number) js("return document.documentElement.scrollWidth")).intValue())
                    .as("no horizontal overflow on a phone: " + page.path() + "; too wide: " + js(WebAppExpectations.WIDER_THAN_VIEWPORT))
                    .isLessThanOrEqualTo(392);
            screenshot(page.name() + "-phone");
            driver.manage().window().setSize(new Dimension(1280, 800));
        }
        assertThat(errors).isEmpty();
    }

    @Test
    void theEgoWebShowsExactlyTheNodesTheApiReturns() {
        for (String depth : List.of("1", "2")) {
            Set<String> expected = WebAppExpectations.egoWebNodes(api, depth);

            open("index.html?code=1497");
            waitFor("#node-list li");
            if (depth.equals("2")) {
                new Select(driver.findElement(By.id("depth"))).selectByValue("2");
                new WebDriverWait(driver, Duration.ofSeconds(20)).until(d ->
                        d.findElements(By.cssSelector("#node-list li")).size() == expected.size());
            }
            Set<String> listed = new TreeSet<>();
            driver.findElements(By.cssSelector("#node-list li")).forEach(li -> listed.add(li.getDomAttribute("data-id")));
            assertThat(listed).as("node list, depth " + depth).isEqualTo(expected);
            @SuppressWarnings("unchecked")
            List<String> drawn = (List<String>) js("return window.samverkansvavenGraph.nodes().map(n => n.id())");
            assertThat(new TreeSet<>(drawn)).as("Cytoscape nodes, depth " + depth).isEqualTo(expected);
        }
        // The portfolio lists Hjo's bodies with Tidaholm as host of the alcohol licensing agreement.
        WebElement row = driver.findElement(By.cssSelector("#portfolio-table tr[data-id='" + ILLUSTRATIVE_BODY + "']"));
        assertThat(row.getText()).contains("Tidaholm");
        waitFor("#dependency");
        assertThat(text("#dependency")).contains("83").contains("Skövde");
        waitFor("#centrality");
        // Hjo's rank among the county's vertices, or "no broker role" where its betweenness is 0 (issue 14)
        JsonNode centrality = api.get("/api/analysis/centrality?scope=county:14&asOf=" + AS_OF).json();
        double hjo = -1;
        for (JsonNode v : centrality.get("vertices")) {
            if (v.get("id").asString().equals("1497")) {
                hjo = v.get("betweenness").asDouble();
            }
        }
        assertThat(text("#centrality")).contains(hjo == 0 ? "Ingen mellanhandsroll" : "av " + centrality.get("vertices").size());
    }

    /**
     * The issue's "done when", as a new user walks it: find Skövde by name, see its web and its federation,
     * leave one body in "Om vi lämnar" and get what the exit API says, open the map and go from Skövde's
     * row in its table to its web, open Luckor for beredskap.
     */
    @Test
    void aNewUserFindsSkovdeLeavesABodyAndOpensTheMapAndTheGaps() throws IOException {
        open("index.html");
        waitFor("#municipality-list option");
        driver.findElement(By.id("municipality")).sendKeys("Skövde");
        driver.findElement(By.id("show")).click();
        waitFor("#node-list li[data-id='1496']");
        waitFor("#portfolio-table tr[data-id='fed-skaraborg']");
        assertThat(driver.findElements(By.cssSelector("#node-list li[data-id='fed-skaraborg']")))
                .as("the federation is drawn in Skövde's web").hasSize(1);
        assertThat(text("#portfolio-table tr[data-id='fed-skaraborg']")).contains("Skaraborgs kommunalförbund");

        settle();
        Select exit = new Select(driver.findElement(By.id("exit-target")));
        String body = exit.getOptions().stream().map(o -> o.getDomAttribute("value"))
                .filter(v -> v.startsWith("body:")).findFirst().orElseThrow();
        exit.selectByValue(body);
        driver.findElement(By.id("exit-run")).click();
        waitFor("#exit-result p");
        String forms = (String) js("return [...document.querySelectorAll('#forms input:checked')].map(i => i.value).join(',')");
        var expected = api.get("/api/analysis/exit?municipality=1496&forms=" + forms + "&body=" + body.substring(5)
                + "&asOf=" + AS_OF).json();
        List<String> left = new ArrayList<>();
        expected.get("bodiesLeft").forEach(b -> left.add(b.get("name").asString()));
        assertThat(left).as("the exit API leaves exactly the chosen body").hasSize(1);
        assertThat(text("#exit-result")).contains("Organ som lämnas: " + left.getFirst())
                .contains(expected.get("componentsBefore").asInt() + "");
        screenshot("walkthrough-exit");

        open("karta.html");
        waitFor("#values tbody tr");
        driver.findElement(By.cssSelector("details:has(#values) > summary")).click(); // the table is folded away
        WebElement skovde = driver.findElement(By.xpath("//div[@id='values']//a[text()='Skövde']"));
        js("arguments[0].scrollIntoView({block: 'center'})", skovde);
        skovde.click();
        waitFor("#node-list li[data-id='1496']");

        open("luckor.html");
        waitFor("#area option[value='beredskap']");
        new Select(driver.findElement(By.id("area"))).selectByValue("beredskap");
        waitFor("#gap-table tbody tr");
        assertThat(driver.findElements(By.cssSelector("#gap-table tbody tr"))).hasSize(WebAppExpectations.beredskapGaps(api).size());
    }

    @Test
    void choosingAnAreaOnLuckorListsTheGapsTheApiReturns() {
        List<String> expected = WebAppExpectations.beredskapGaps(api);

        open("luckor.html");
        waitFor("#area option[value='beredskap']");
        assertThat(text("#gaps")).contains("Välj ett verksamhetsområde");
        new Select(driver.findElement(By.id("area"))).selectByValue("beredskap");
        waitFor("#gap-table tbody tr");
        List<String> listed = driver.findElements(By.cssSelector("#gap-table tbody tr")).stream()
                .map(tr -> tr.getDomAttribute("data-code")).toList();
        assertThat(listed).isEqualTo(expected);
        String karlsborg = driver.findElement(By.cssSelector("#gap-table tr[data-code='1446']")).getText();
        JsonNode gap = null;
        for (JsonNode g : api.get("/api/analysis/gaps?area=beredskap&asOf=" + AS_OF).json().get("gaps")) {
            if (g.get("code").asString().equals("1446")) {
                gap = g;
            }
        }
        assertThat(gap).isNotNull();
        assertThat(karlsborg).contains("ANSLUT 1").contains("VÄRD 1")
                .contains(String.valueOf(Math.round(gap.get("strength").asDouble() * 100)));
        assertThat(karlsborg.contains("STARTA")).as("START shown as the API gives it").isEqualTo(!gap.get("start").isNull());
    }

    @Test
    void theLanguageSwitchChangesTheLabelsAndIsRemembered() {
        open("vardkoncentration.html");
        waitFor("#host-bars li");
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("sv");
        assertThat(text("h1")).isEqualTo("Värdkoncentration");
        assertThat(text("nav a[href^='karta.html']")).isEqualTo("Karta");
        driver.findElement(By.id("lang-switch")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> "Host concentration".equals(text("h1")));
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
        assertThat(text("nav a[href^='karta.html']")).isEqualTo("Map");
        assertThat(text("label[for='scope-kind']")).isEqualTo("Scope");
        assertThat(text("#figures")).contains("Municipalities (N)");

        open("luckor.html"); // remembered on the next page
        waitFor("h1");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> "Gaps".equals(text("h1")));
        assertThat(text("#lang-switch")).isEqualTo("Svenska");
        driver.findElement(By.id("lang-switch")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> "Luckor".equals(text("h1")));
    }

    @Test
    void aFailedApiCallShowsItsErrorAndDataIsShownAsText() {
        open("index.html?code=9999");
        waitFor("#status .message.error[role='alert']");
        assertThat(text("#status")).contains("Uppgifterna kunde inte hämtas").contains("404").contains("9999");

        open("index.html");
        waitFor("#municipality-list option");
        WebElement input = driver.findElement(By.id("municipality"));
        input.sendKeys("<img src=x onerror=window.pwned=1>");
        driver.findElement(By.id("show")).click();
        waitFor("#status .message.error");
        assertThat(text("#status")).contains("<img src=x onerror=window.pwned=1>");
        assertThat(driver.findElements(By.cssSelector("#status img"))).isEmpty();
        assertThat(js("return window.pwned === undefined")).isEqualTo(true);

        open("vardkoncentration.html?scope=codes:12");
        waitFor("#status .message.error");
        assertThat(text("#status")).contains("400").contains("not a municipality code");
    }

    /** The pages with a graph, map or bar chart. */
    private static final List<Page> GRAPH_PAGES = WebAppExpectations.PAGES.stream().filter(Page::drawn).toList();

    /**
     * Each page loaded afresh on a 390 × 844 phone: no horizontal page scroll (wide tables scroll inside
     * their container), graphs and maps the full width and tall enough to use. Screenshots:
     * target/screenshots/NAME-phone-load.png (the top) and NAME-phone-graph.png (the graph or map).
     */
    @Test
    void everyPageFitsAPhone() throws IOException {
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            for (Page page : GRAPH_PAGES) {
                open(page.path());
                waitFor(page.ready());
                settle();
                long inner = ((Number) js("return window.innerWidth")).longValue();
                assertThat(((Number) js("return document.documentElement.scrollWidth")).longValue())
                        .as("no horizontal page scroll on a phone: " + page.path() + "; too wide: " + js(WebAppExpectations.WIDER_THAN_VIEWPORT))
                        .isLessThanOrEqualTo(inner);
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> boxes = (List<Map<String, Object>>) js("""
                        return [...document.querySelectorAll('#graph, #map, #host-bars')].map(e => {
                          const r = e.getBoundingClientRect(); return {id: e.id, width: r.width, height: r.height}; })""");
                assertThat(boxes).as("a graph, map or bar chart on " + page.path()).isNotEmpty();
                for (Map<String, Object> box : boxes) {
                    String what = "#" + box.get("id") + " on " + page.path();
                    assertThat(((Number) box.get("width")).doubleValue()).as(what + " width").isGreaterThanOrEqualTo(inner - 60);
                    if (!"host-bars".equals(box.get("id"))) { // the bar chart is as tall as its bars
                        assertThat(((Number) box.get("height")).doubleValue()).as(what + " height").isBetween(360.0, 844.0);
                    }
                }
                // the header stays a header: the nav wraps instead of taking the whole screen
                assertThat(((Number) js("return document.querySelector('.site-header').getBoundingClientRect().height")).doubleValue())
                        .as("header height on " + page.path()).isLessThan(260);
                screenshot(page.name() + "-phone-load");
                js("document.querySelector('#graph, #map, #host-bars').scrollIntoView()");
                screenshot(page.name() + "-phone-graph");
            }
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 800));
        }
    }

    /**
     * Tidslinje for a federation: at two dates the graph holds exactly the nodes of the API's federation web,
     * and Skaraborg's web differs between them (networks started and ended in between).
     */
    @Test
    void theTimelineReplaysAFederationsWeb() {
        open("tidslinje.html?subject=fed:fed-skaraborg");
        waitFor("#summary p");
        List<Set<String>> seen = new ArrayList<>();
        // slider steps are months from 2005-01-01: 132 = 2016-01-01, 230 = 2024-03-01
        for (var step : List.of(Map.entry(132, "2016-01-01"), Map.entry(230, "2024-03-01"))) {
            js("const s = document.getElementById('slider'); s.value = arguments[0];"
                    + " s.dispatchEvent(new Event('input')); s.dispatchEvent(new Event('change'));", step.getKey());
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> text("#summary").contains(step.getValue()));
            Set<String> expected = new TreeSet<>();
            api.get("/api/analysis/federation-web/fed-skaraborg?asOf=" + step.getValue()).json().get("nodes")
                    .forEach(n -> expected.add(n.get("data").get("id").asString()));
            assertThat(expected).contains("fed-skaraborg", "1496", "ill-nat-skb-socialchefer");
            @SuppressWarnings("unchecked")
            List<String> drawn = (List<String>) js("return window.samverkansvavenGraph.nodes().map(n => n.id())");
            assertThat(new TreeSet<>(drawn)).as("timeline graph on " + step.getValue()).isEqualTo(expected);
            assertThat(driver.findElements(By.cssSelector("#fed-convened li"))).isNotEmpty();
            seen.add(expected);
        }
        assertThat(seen.get(0)).isNotEqualTo(seen.get(1));
        assertThat(seen.get(0)).contains("ill-nat-skb-energiradgivare").doesNotContain("ill-nat-skb-beredskap");
        assertThat(seen.get(1)).contains("ill-nat-skb-beredskap").doesNotContain("ill-nat-skb-energiradgivare");
    }

    /**
     * Every input, select, textarea and button on the six pages has an accessible name (as Chromium computes
     * it), and the page's controls (header and forms) are reached by Tab in turn.
     */
    @Test
    void everyTextHasAaContrastInBothLanguages() {
        List<String> problems = new ArrayList<>();
        for (String language : List.of("sv", "en")) {
            js("localStorage.setItem('samverkansvaven.lang', arguments[0])", language);
            for (Page page : WebAppExpectations.PAGES) {
                open(page.path());
                waitFor("main");
                settle();
                @SuppressWarnings("unchecked")
                List<String> low = (List<String>) js(WebAppExpectations.LOW_CONTRAST);
                low.forEach(p -> problems.add(language + " " + page.path() + ": " + p));
            }
        }
        js("localStorage.setItem('samverkansvaven.lang', 'sv')");
        assertThat(problems).isEmpty();
    }

    @Test
    void everyControlHasANameAndIsReachedByTab() {
        List<String> problems = new ArrayList<>();
        for (Page page : GRAPH_PAGES) {
            open(page.path());
            waitFor(page.ready());
            settle();
            for (WebElement control : driver.findElements(By.cssSelector("input, select, textarea, button"))) {
                if (!control.isDisplayed()) {
                    continue;
                }
                String name = control.getAccessibleName();
                if (name == null || name.isBlank()) {
                    problems.add(page.path() + ": no accessible name for " + control.getTagName() + "#" + control.getDomAttribute("id")
                            + " " + control.getDomAttribute("type"));
                }
            }
            @SuppressWarnings("unchecked")
            List<String> controls = (List<String>) js("""
                    return [...document.querySelectorAll('header a, header input, header button, main form input, main form select, main form button, main form textarea')]
                      .filter(e => e.offsetParent !== null && !e.disabled && !(e.type === 'radio' && !e.checked))
                      .map((e, i) => { if (!e.id) e.id = 'tab-probe-' + i; return e.id; })""");
            js("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
            Set<String> reached = new TreeSet<>();
            for (int i = 0; i < 120 && !reached.containsAll(controls); i++) {
                new org.openqa.selenium.interactions.Actions(driver).sendKeys(org.openqa.selenium.Keys.TAB).perform();
                Object id = js("return document.activeElement ? document.activeElement.id : null");
                if (id != null) {
                    reached.add(id.toString());
                }
            }
            Set<String> missing = new TreeSet<>(controls);
            missing.removeAll(reached);
            if (!missing.isEmpty()) {
                problems.add(page.path() + ": not reached by Tab: " + missing);
            }
        }
        assertThat(problems).isEmpty();
    }

    /** Opens the path on the test date (as a link with the date in it would). */
    private void open(String path) {
        browser.open(WebAppExpectations.dated(path));
    }

    private void waitFor(String css) {
        browser.waitFor(css);
    }

    private void settle() {
        browser.settle();
    }

    private String text(String css) {
        return browser.text(css);
    }

    private Object js(String script, Object... args) {
        return browser.js(script, args);
    }

    private List<LogEntry> logs() {
        return browser.logs();
    }

    private void screenshot(String name) throws IOException {
        browser.screenshot(name);
    }
}
