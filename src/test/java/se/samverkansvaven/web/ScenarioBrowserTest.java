package se.samverkansvaven.web;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samverkansvaven.web.WebAppExpectations.AS_OF;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import se.samverkansvaven.ApiClient;
import se.samverkansvaven.database.GraphRevisions;
import se.samverkansvaven.importing.BundleImporter;
import se.samverkansvaven.security.Role;
import se.samverkansvaven.security.UserStore;
import se.samverkansvaven.testing.TestBodies;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tänk om… (scenario.html, issue 19) in Chromium against the real scenario API: "Prova" on a Luckor JOIN option
 * opens the comparison with the API's figures (and the one fact checkable by hand: the gap closes); a scenario's
 * link, unsaved (?c=) or shared (?shared=), shows the same comparison in a fresh browser; an editor applies a
 * saved scenario and the edit shows on Ändringar, and a scenario the graph has moved past is refused (409) with
 * the change named and nothing written. Same Spring context as the other web tests; the test body is removed
 * afterwards. Screenshots: target/screenshots/scenario-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScenarioBrowserTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString(
            "admin:test-admin-password".getBytes(StandardCharsets.UTF_8));
    static final String EDITOR = "scen-skovde-editor";
    static final String PASSWORD = "scen-skovde-password";
    /** A joint committee Skövde hosts with Hjo as participant, made by this class (removed afterwards). */
    static final String BODY = "scen-jc";

    @LocalServerPort
    int port;

    private ApiClient api;
    private Browser browser;

    @BeforeAll
    void start(@Autowired UserStore users, @Autowired PasswordEncoder encoder, @Autowired BundleImporter importer)
            throws IOException {
        api = new ApiClient(port);
        WebAppExpectations.loadIllustrativeData(api, importer);
        if (users.find(EDITOR).isEmpty()) {
            users.save(EDITOR, encoder.encode(PASSWORD), EnumSet.of(Role.EDITOR), List.of("municipality:1496"));
        }
        if (api.get("/api/bodies/" + BODY + "/state").status() != 200) {
            var created = send("POST", "/api/bodies", Map.of("reason", "test set-up", "body", Map.of("id", BODY,
                    "form", "JOINT_COMMITTEE", "name", "Gemensam nämnd (scenariotest)", "validFrom", "2020-01-01",
                    "source", "test", "areas", List.of("it"), "parties", List.of(
                            Map.of("party", "1496", "role", "HOST", "validFrom", "2020-01-01", "source", "test"),
                            Map.of("party", "1497", "role", "PARTICIPANT", "validFrom", "2020-01-01", "source", "test")))));
            assertThat(created.status()).as(created.text()).isEqualTo(201);
        }
        browser = Browser.start(port);
        browser.open("index.html");
        browser.js("localStorage.setItem('samverkansvaven.lang', 'sv');");
    }

    @AfterAll
    void stop(@Autowired Driver driver, @Autowired GraphRevisions revisions) throws IOException {
        if (browser != null) {
            browser.close();
        }
        TestBodies.remove(driver, revisions, "scen-");
    }

    ApiClient.Response send(String method, String path, Object body) {
        return api.send(HttpRequest.newBuilder(api.uri(path)).header("Content-Type", "application/json")
                .header("Authorization", ADMIN)
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    static String dated(String path) {
        return WebAppExpectations.dated(path);
    }

    void waitUntil(String what, String script, Object... args) {
        try {
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                    .until(d -> Boolean.TRUE.equals(browser.js("return !!(" + script + ")", args)));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what + "; status: "
                    + browser.js("const s = document.getElementById('status'); return s ? s.innerText : ''"), e);
        }
    }

    /** The comparison is on the page: the tables drawn, nothing loading, no error. */
    void waitForComparison(Browser b) {
        new WebDriverWait(b.driver(), Duration.ofSeconds(30)).until(d -> !d.findElements(By.cssSelector(
                "#scenario-hosts, #status .message.error")).isEmpty());
        b.settle();
        assertThat(b.driver().findElements(By.cssSelector("#status .message.error")))
                .as("an error instead of the comparison: %s", b.text("#status")).isEmpty();
    }

    /** What a person sees of the scenario: its changes, name, and the whole comparison. */
    static String fingerprint(Browser b) {
        return (String) b.js("return JSON.stringify({lang: document.documentElement.lang,"
                + " name: document.getElementById('scenario-name').value,"
                + " changes: [...document.querySelectorAll('#change-list .change-text')].map(e => e.innerText.trim()),"
                + " comparison: document.getElementById('comparison').innerText.replace(/\\s+/g, ' ').trim()})");
    }

    /** The ?c= of the address, decoded as the page encoded it (base64url JSON). */
    JsonNode changesInAddress() {
        String url = browser.driver().getCurrentUrl();
        String c = null;
        for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
            if (pair.startsWith("c=")) {
                c = URLDecoder.decode(pair.substring(2), StandardCharsets.UTF_8);
            }
        }
        assertThat(c).as("c= in " + url).isNotNull();
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(c), StandardCharsets.UTF_8));
    }

    void logIn() {
        browser.open("login");
        browser.waitFor("input[name='username']");
        browser.driver().findElement(By.name("username")).sendKeys(EDITOR);
        browser.driver().findElement(By.name("password")).sendKeys(PASSWORD);
        browser.driver().findElement(By.cssSelector("button[type='submit']")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    void noConsoleErrors(Browser b, String where) {
        assertThat(b.logs().stream().filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                // a refused request (the 409 of a stale scenario, by design) shows in the console as a failed load
                .filter(e -> !e.getMessage().contains("status of 409")).map(e -> e.getMessage()).toList())
                .as("console errors on " + where).isEmpty();
    }

    @Test
    void tryFromLuckorOpensTheComparisonWithTheApisFigures() throws IOException {
        browser.open(dated("luckor.html?area=beredskap&lang=sv"));
        browser.waitFor("#gap-table tbody tr li[data-kind=join] a.try-link");
        browser.settle();
        // the first gap with a JOIN option: its municipality and the body it would join
        @SuppressWarnings("unchecked")
        Map<String, String> option = (Map<String, String>) browser.js("const a = document.querySelector("
                + "'#gap-table tbody tr li[data-kind=join] a.try-link'); a.scrollIntoView({block: 'center'});"
                + " return {code: a.closest('tr').dataset.code, body: a.closest('li').dataset.body, href: a.getAttribute('href')};");
        String code = option.get("code");
        assertThat(option.get("href")).startsWith("scenario.html?").contains("focus=" + code).contains("asOf=" + AS_OF);
        browser.driver().findElement(By.cssSelector("#gap-table tbody tr[data-code='" + code
                + "'] li[data-kind=join] a.try-link")).click();
        waitForComparison(browser);

        // The link holds the option as the contract maps it: JOIN {body, party: the gap's municipality, a non-host role}.
        JsonNode scenario = changesInAddress();
        JsonNode change = scenario.get("changes").get(0);
        assertThat(scenario.get("changes").size()).isEqualTo(1);
        assertThat(change.get("type").asString()).isEqualTo("JOIN");
        assertThat(change.get("body").asString()).isEqualTo(option.get("body"));
        assertThat(change.get("party").asString()).isEqualTo(code);
        assertThat(change.get("role").asString()).isNotEqualTo("HOST");

        // The page shows what the API answers for the same changes.
        String scope = browser.driver().getCurrentUrl().replaceAll(".*[?&]scope=([^&]*).*", "$1").replace("%3A", ":");
        Map<String, Object> request = new HashMap<>();
        request.put("scenario", Map.of("asOf", AS_OF, "changes", JSON.treeToValue(scenario.get("changes"), List.class)));
        request.put("focus", List.of(code));
        request.put("scope", scope);
        request.put("illustrative", true);
        var answer = send("POST", "/api/scenarios/compare", request);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        JsonNode expected = answer.json();
        JsonNode party = expected.get("parties").get(0);
        assertThat(party.get("code").asString()).isEqualTo(code);
        String table = "#scenario-parties table[data-code='" + code + "'] ";
        assertThat(browser.js("return document.querySelector(arguments[0]).dataset.value", table + "tr[data-row=areas] td.before"))
                .isEqualTo(String.valueOf(party.get("areasBefore").size()));
        assertThat(browser.js("return document.querySelector(arguments[0]).dataset.value", table + "tr[data-row=areas] td.after"))
                .isEqualTo(String.valueOf(party.get("areasAfter").size()));
        assertThat(Double.parseDouble((String) browser.js("return document.querySelector(arguments[0]).dataset.value",
                table + "tr[data-row=dependency] td.after"))).isEqualTo(party.get("dependencyAfter").asDouble());
        assertThat(Double.parseDouble((String) browser.js("return document.querySelector(arguments[0]).dataset.value",
                "#scenario-hosts tr[data-row=hhiStar] td.after"))).isEqualTo(expected.get("hosts").get("after").get("hhiStar").asDouble());
        assertThat(browser.driver().findElements(By.cssSelector("#scenario-brokers tbody tr")))
                .hasSize(expected.get("brokers").size());

        // By hand: the municipality lacks beredskap (it is a gap) and the body covers it (a JOIN option for the gap
        // is a body covering the area), so joining gains beredskap and closes exactly that gap.
        List<String> gained = new ArrayList<>();
        party.get("areasGained").forEach(a -> gained.add(a.asString()));
        assertThat(gained).contains("beredskap");
        assertThat(party.get("areasAfter").size()).isGreaterThanOrEqualTo(party.get("areasBefore").size() + 1);
        assertThat(browser.driver().findElements(By.cssSelector(
                "#scenario-gaps-closed li[data-code='" + code + "'][data-area=beredskap]"))).hasSize(1);
        String beredskap = null;
        for (JsonNode a : api.get("/api/areas").json()) {
            if (a.get("id").asString().equals("beredskap")) {
                beredskap = a.get("nameSv").asString();
            }
        }
        assertThat(browser.text(table + "tr[data-row=areas] td.delta")).startsWith("+ ").contains(beredskap);
        browser.js("document.getElementById('comparison-heading').scrollIntoView()");
        browser.screenshot("scenario-sv");
        noConsoleErrors(browser, "scenario.html from Luckor");

        // The same comparison in English: every text follows the switch.
        browser.driver().findElement(By.id("lang-switch")).click();
        waitUntil("English", "document.documentElement.lang === 'en'");
        browser.settle();
        assertThat(browser.text("h1")).isEqualTo("What if…");
        assertThat(browser.text(table + "caption")).contains(code);
        browser.js("document.getElementById('comparison-heading').scrollIntoView()");
        browser.screenshot("scenario-en");
    }

    @Test
    void aScenarioLinkShowsTheSameComparisonInAFreshBrowser() throws IOException {
        // unsaved: the changes are in the address
        // Götene (1471) joins: a party no other test of the class adds, so the order of the tests does not matter
        browser.open(dated("scenario.html?lang=sv&focus=1497&c=" + encode(Map.of("name", "Götene går med (test)", "changes",
                List.of(Map.of("type", "JOIN", "body", BODY, "party", "1471", "role", "PARTICIPANT"))))));
        waitForComparison(browser);
        String here = fingerprint(browser);
        String link = browser.driver().getCurrentUrl();
        try (Browser other = Browser.start(port)) {
            other.driver().get(link);
            waitForComparison(other);
            assertThat(fingerprint(other)).isEqualTo(here);
            noConsoleErrors(other, "an unsaved scenario's link");
        }

        // saved and shared: the read link opens it for someone who is not signed in
        logIn();
        browser.open(link.substring(link.indexOf('/', "http://".length()) + 1));
        waitForComparison(browser);
        browser.driver().findElement(By.id("save-scenario")).click();
        waitUntil("saved", "new URLSearchParams(location.search).has('id') && !new URLSearchParams(location.search).has('c')");
        waitForComparison(browser);
        browser.driver().findElement(By.id("share-scenario")).click();
        browser.waitFor("#scenario-link-url");
        String shared = (String) browser.js("return document.getElementById('scenario-link-url').value");
        assertThat(shared).contains("scenario.html?").contains("shared=");
        String saved = fingerprint(browser);
        try (Browser other = Browser.start(port)) {
            other.driver().get(shared);
            waitForComparison(other);
            assertThat(fingerprint(other)).isEqualTo(saved);
            assertThat(other.driver().findElements(By.cssSelector("#change-list .remove-change"))).as("read only").isEmpty();
            other.screenshot("scenario-shared");
        }
        // deleting it leaves the changes on the page, unsaved
        browser.driver().findElement(By.id("delete-scenario")).click();
        browser.driver().findElement(By.id("confirm-delete")).click();
        waitUntil("deleted", "!new URLSearchParams(location.search).has('id') && new URLSearchParams(location.search).has('c')");
        waitForComparison(browser);
        assertThat(browser.text("#change-list")).contains("Götene (1471)");
    }

    @Test
    void anEditorAppliesAScenarioAndTheEditShowsOnÄndringarOrIsToldWhatNoLongerApplies() throws IOException {
        logIn();
        // applies: Tibro joins the committee Skövde hosts
        saveScenario("Tibro går med (test)", List.of(Map.of("type", "JOIN", "body", BODY, "party", "1472", "role", "PARTICIPANT")));
        browser.driver().findElement(By.id("apply-reason")).sendKeys("Beslut i kommunstyrelsen (test)");
        browser.driver().findElement(By.id("apply-scenario")).click();
        browser.waitFor("#apply-done, #action-status .message.error");
        assertThat(browser.text("#action-status")).contains("Genomförda ändringar: 1");
        JsonNode state = api.get("/api/bodies/" + BODY + "/state").json();
        assertThat(state.toString()).contains("\"1472\"");
        assertThat(browser.driver().findElement(By.id("applied-changes-link")).getAttribute("href")).contains("andringar.html");
        browser.open(dated("andringar.html?entity=" + BODY));
        browser.waitFor("#changes-table tbody tr");
        assertThat(browser.text("#changes-table tbody tr:first-child")).contains("Beslut i kommunstyrelsen (test)").contains(EDITOR);

        // refused: Hjo leaves, but the graph moves on before the scenario is applied (Hjo leaves for real)
        saveScenario("Hjo lämnar (test)", List.of(Map.of("type", "LEAVE", "body", BODY, "party", "1497")));
        long version = api.get("/api/bodies/" + BODY + "/state").json().get("version").asLong();
        var left = send("POST", "/api/bodies/" + BODY + "/parties/leave", Map.of("version", version, "reason", "test: the graph moves on",
                "party", "1497", "role", "PARTICIPANT", "validFrom", "2020-01-01", "validTo", "2026-01-01"));
        assertThat(left.status()).as(left.text()).isEqualTo(200);
        long moved = api.get("/api/bodies/" + BODY + "/state").json().get("version").asLong();
        browser.driver().findElement(By.id("apply-reason")).sendKeys("Beslut (test)");
        browser.driver().findElement(By.id("apply-scenario")).click();
        browser.waitFor("#apply-stale, #apply-done, #action-status .message.error");
        // change 1 named, for each reason it no longer applies (the body's version moved, Hjo is no longer a party)
        assertThat(browser.driver().findElements(By.cssSelector("#apply-stale li[data-change='1']"))).isNotEmpty()
                .hasSameSizeAs(browser.driver().findElements(By.cssSelector("#apply-stale li")));
        assertThat(browser.text("#apply-stale")).contains("Ingenting har skrivits");
        assertThat(api.get("/api/bodies/" + BODY + "/state").json().get("version").asLong()).as("nothing written").isEqualTo(moved);
        browser.screenshot("scenario-stale");
        noConsoleErrors(browser, "applying a scenario");
    }

    /** Opens the changes unsaved, saves them as the signed-in user and waits for the saved scenario's page. */
    void saveScenario(String name, List<Map<String, String>> changes) {
        browser.open(dated("scenario.html?lang=sv&c=" + encode(Map.of("name", name, "changes", changes))));
        waitForComparison(browser);
        browser.driver().findElement(By.id("save-scenario")).click();
        waitUntil("saved", "new URLSearchParams(location.search).has('id') && !new URLSearchParams(location.search).has('c')");
        waitForComparison(browser);
        browser.waitFor("#apply-reason");
    }

    static String encode(Object scenario) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(scenario));
    }
}
