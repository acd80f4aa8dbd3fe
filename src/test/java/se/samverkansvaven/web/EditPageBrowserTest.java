package se.samverkansvaven.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import se.samverkansvaven.database.GraphRevisions;
import se.samverkansvaven.ApiClient;
import se.samverkansvaven.security.Role;
import se.samverkansvaven.security.UserStore;
import se.samverkansvaven.testing.GraphChecksum;
import se.samverkansvaven.testing.TestBodies;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Redigera organ and Ändringar in the browser, as the "done when" walks it: an editor for Skövde
 * logs in through the login form, changes a body Skövde is in and sees the change in the audit list, is
 * refused on a Göteborg body, and a change made meanwhile gives the 409 message with the current state. A
 * body named {@code <script>} shows as text. Screenshots: target/screenshots/redigera-*.png, andringar.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditPageBrowserTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString(
            "admin:test-admin-password".getBytes(StandardCharsets.UTF_8));
    static final String SCRIPT_NAME = "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\">";

    @LocalServerPort
    int port;
    @Autowired
    Driver neo4j;

    private Browser browser;
    private ApiClient api;

    @BeforeAll
    void start(@Autowired UserStore users, @Autowired PasswordEncoder encoder) throws IOException {
        api = new ApiClient(port);
        if (users.find("web-skovde-editor").isEmpty()) {
            users.save("web-skovde-editor", encoder.encode("web-skovde-password"), EnumSet.of(Role.EDITOR),
                    List.of("municipality:1496"));
        }
        ensure("web-skovde", "Skövde och Hjo förening", "1496", "1497");
        ensure("web-goteborg", "Göteborgs förening", "1480");
        ensure("web-script", SCRIPT_NAME, "1496");
        ensureCommittee();
        browser = Browser.start(port);
        browser.open("index.html");
        browser.js("localStorage.setItem('samverkansvaven.lang', 'sv');");
        logIn("web-skovde-editor", "web-skovde-password");
    }

    @AfterAll
    void stop(@Autowired Driver driver, @Autowired GraphRevisions revisions) throws IOException {
        if (browser != null) {
            browser.close();
        }
        TestBodies.remove(driver, revisions, "web-");
    }

    ApiClient.Response send(String method, String path, Object body) {
        return api.send(HttpRequest.newBuilder(api.uri(path)).header("Content-Type", "application/json")
                .header("Authorization", ADMIN)
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    void ensure(String id, String name, String... members) {
        if (api.get("/api/bodies/" + id + "/state").status() == 200) {
            return;
        }
        List<Map<String, Object>> parties = java.util.Arrays.stream(members).map(m -> Map.<String, Object>of(
                "party", m, "role", "MEMBER", "validFrom", "2020-01-01", "source", "test")).toList();
        var created = send("POST", "/api/bodies", Map.of("reason", "test set-up", "body", Map.of("id", id,
                "form", "ASSOCIATION", "name", name, "validFrom", "2020-01-01", "source", "test", "parties", parties)));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
    }

    /** An illustrative joint committee Skövde hosts, with Hjo and Tibro as participants. */
    void ensureCommittee() {
        if (api.get("/api/bodies/web-jc/state").status() == 200) {
            return;
        }
        List<Map<String, Object>> parties = List.of(
                Map.of("party", "1496", "role", "HOST", "validFrom", "2020-01-01", "source", "illustrative"),
                Map.of("party", "1497", "role", "PARTICIPANT", "validFrom", "2020-01-01", "source", "illustrative"),
                Map.of("party", "1472", "role", "PARTICIPANT", "validFrom", "2020-01-01", "source", "illustrative"));
        var created = send("POST", "/api/bodies", Map.of("reason", "test set-up", "body", Map.of("id", "web-jc",
                "form", "JOINT_COMMITTEE", "name", "Gemensam nämnd (test)", "validFrom", "2020-01-01",
                "source", "illustrative", "parties", parties, "areas", List.of("it"))));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
    }

    /** The login page, as a person fills it in (the old address /login leads there). */
    void logIn(String user, String password) {
        browser.open("login");
        browser.waitFor("input[name='username']");
        browser.driver().findElement(By.name("username")).sendKeys(user);
        browser.driver().findElement(By.name("password")).sendKeys(password);
        browser.driver().findElement(By.cssSelector("button[type='submit']")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** Opens a body on Redigera organ and waits until its state is in the form. */
    void openBody(String id) {
        browser.open("redigera.html?id=" + id);
        browser.waitFor("#body-section:not([hidden])");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d ->
                d.findElement(By.id("body-heading")).getText().contains(id));
    }

    void typeName(String name) {
        WebElement input = browser.driver().findElement(By.id("name"));
        input.clear();
        input.sendKeys(name);
    }

    void waitForStatus(String css) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> !d.findElements(By.cssSelector(css)).isEmpty());
    }

    void click(String css) {
        WebElement button = browser.driver().findElement(By.cssSelector(css));
        browser.js("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
    }

    /** Sets a date input as a person picking a date would end up (the value, then a change event). */
    void setDate(String css, String date) {
        browser.js("const i = document.querySelector(arguments[0]); i.value = arguments[1];"
                + " i.dispatchEvent(new Event('change', {bubbles: true}));", css, date);
    }

    List<String> rows(JsonNode state) {
        List<String> rows = new java.util.ArrayList<>();
        state.get("parties").forEach(p -> rows.add(p.get("party").asString() + " " + p.get("role").asString() + " "
                + p.get("validFrom").asString() + ".." + (p.get("validTo").isNull() ? "" : p.get("validTo").asString())));
        return rows;
    }

    @Test
    void theHostIsHandedOverOnThePageAndARoleChangeLeavingTwoHostsShowsTheProblemAtTheParties() throws IOException {
        openBody("web-jc");
        // Illustrative data is marked as on the other pages.
        assertThat(browser.driver().findElements(By.cssSelector("#body-heading .badge.illustrative"))).hasSize(1);
        assertThat(browser.text("#body-heading .badge.illustrative")).isEqualTo("Illustrativ");
        assertThat(browser.text("#current-host")).startsWith("Skövde (1496)");
        assertThat(browser.driver().findElement(By.cssSelector("#new-host option[value='1497']")).getText()).isEqualTo("Hjo (1497)");
        browser.driver().findElement(By.id("reason")).sendKeys("Hjo tar över värdskapet");
        new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("new-host"))).selectByValue("1497");
        setDate("#host-date", "2026-01-01");
        browser.screenshot("redigera-host-before");
        click("#host-form button[type='submit']");
        waitForStatus("#status .message");
        assertThat(browser.text("#status")).isEqualTo("Sparat.");
        JsonNode stored = api.get("/api/bodies/web-jc/state").json();
        assertThat(rows(stored)).containsExactly("1496 HOST 2020-01-01..2026-01-01", "1497 HOST 2026-01-01..",
                "1472 PARTICIPANT 2020-01-01..", "1496 PARTICIPANT 2026-01-01..", "1497 PARTICIPANT 2020-01-01..2026-01-01");
        assertThat(browser.text("#current-host")).startsWith("Hjo (1497)");
        // filtering by user needs a login (AuditTrailPrivacyTest)
        var changes = api.send(java.net.http.HttpRequest.newBuilder(api.uri("/api/changes?entity=web-jc&user=web-skovde-editor"))
                .header("Authorization", ADMIN).build()).json();
        List<String> fields = new java.util.ArrayList<>();
        changes.forEach(c -> fields.add(c.get("field").asString()));
        assertThat(fields).contains("party 1496 HOST from 2020-01-01", "party 1496 PARTICIPANT from 2026-01-01",
                "party 1497 PARTICIPANT from 2020-01-01", "party 1497 HOST from 2026-01-01");
        browser.screenshot("redigera-host-handed-over");
        // Told as a sentence in the edit log, with the reason and who.
        browser.open("andringar.html?entity=web-jc");
        browser.waitFor("#changes-table tbody tr");
        assertThat(browser.text("#changes-table tbody tr:first-child td:nth-child(3)"))
                .contains("Skövde lämnade värdskapet för Gemensam nämnd (test) den 2026-01-01; Hjo blev värd.")
                .contains("Skäl: Hjo tar över värdskapet; av web-skovde-editor.");
        browser.screenshot("andringar-handover");
        openBody("web-jc");

        // Tibro becoming HOST too would give two hosts: the page shows the loader's problem at the parties,
        // under a Swedish heading that says the server's text is English; nothing is written.
        String before = GraphChecksum.of(neo4j);
        int tibro = 2;
        assertThat(stored.get("parties").get(tibro).get("party").asString()).isEqualTo("1472");
        new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("new-role-" + tibro))).selectByValue("HOST");
        setDate("#role-date-" + tibro, "2026-06-01");
        click("#parties tbody tr:nth-child(3) td:last-child button");
        waitForStatus("#status .message.error");
        assertThat(browser.text("#status .message.error")).startsWith("Ändringen gjordes inte.")
                .contains("Serverns besked (på engelska):");
        assertThat(browser.text("#parties-errors .field-error")).contains("two HOSTs").contains("2026-06-01");
        browser.screenshot("redigera-two-hosts");
        assertThat(GraphChecksum.of(neo4j)).isEqualTo(before);

        // In English the headings follow; the page at 390 px has no horizontal overflow.
        browser.driver().findElement(By.id("lang-switch")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> "en".equals(browser.js(
                "return document.documentElement.lang")));
        assertThat(browser.text("#status .message.error")).startsWith("The change was not made.");
        assertThat(browser.text("#host-heading")).isEqualTo("Hand over the host");
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            assertThat(browser.js("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                    .isEqualTo(true);
            browser.screenshot("redigera-phone");
        } finally {
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 800));
            browser.js("localStorage.setItem('samverkansvaven.lang', 'sv');");
        }
    }

    @Test
    void anAreaIsAddedOnThePage() throws IOException {
        openBody("web-skovde");
        browser.waitFor("#area-it");
        boolean had = browser.driver().findElement(By.id("area-it")).isSelected();
        long version = api.get("/api/bodies/web-skovde/state").json().get("version").asLong();
        click("#area-it");
        click("#areas-form button[type='submit']");
        waitForStatus("#status .message");
        assertThat(browser.text("#status")).isEqualTo("Sparat.");
        JsonNode stored = api.get("/api/bodies/web-skovde/state").json();
        assertThat(stored.get("version").asLong()).isEqualTo(version + 1);
        List<String> areas = new java.util.ArrayList<>();
        stored.get("areas").forEach(a -> areas.add(a.asString()));
        if (had) {
            assertThat(areas).doesNotContain("it");
        } else {
            assertThat(areas).contains("it");
        }
        assertThat(browser.driver().findElement(By.id("area-it")).isSelected()).isEqualTo(!had);
        browser.screenshot("redigera-area");
        assertThat(api.get("/api/changes?entity=web-skovde&limit=1").json().get(0).get("field").asString())
                .isEqualTo("area it");
    }

    void save() {
        browser.driver().findElement(By.cssSelector("#body-form button[type='submit']")).click();
        browser.waitFor("#status .message");
    }

    @Test
    void anEditorChangesABodyOfTheirMunicipalityAndSeesItInTheAuditList() throws IOException {
        JsonNode current = api.get("/api/bodies/web-skovde/state").json();
        long version = current.get("version").asLong();
        openBody("web-skovde");
        assertThat(browser.text("#login")).as("logged in: no login link").isEmpty();
        assertThat(browser.text("#body-heading")).contains("version " + version);
        String newName = "Skövde och Hjo förening " + version;
        typeName(newName);
        browser.driver().findElement(By.id("reason")).sendKeys("nytt namn i webbläsaren");
        save();
        assertThat(browser.text("#status .message.notice")).isEqualTo("Sparat.");
        assertThat(browser.text("#body-heading")).contains("version " + (version + 1));
        browser.screenshot("redigera-saved");
        JsonNode stored = api.get("/api/bodies/web-skovde/state").json();
        assertThat(stored.get("name").asString()).isEqualTo(newName);
        assertThat(stored.get("version").asLong()).isEqualTo(version + 1);

        browser.driver().findElement(By.id("changes-link")).click();
        browser.waitFor("#changes-table tbody tr");
        assertThat(browser.driver().getCurrentUrl()).contains("andringar.html?entity=web-skovde");
        WebElement row = browser.driver().findElements(By.cssSelector("#changes-table tbody tr")).getFirst();
        List<String> cells = row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
        // The time in Swedish time, whatever the server's and the browser's zone.
        String at = api.get("/api/changes?entity=web-skovde&limit=1").json().get(0).get("at").asString();
        assertThat(cells.getFirst()).isEqualTo(java.time.OffsetDateTime.parse(at)
                .atZoneSameInstant(java.time.ZoneId.of("Europe/Stockholm"))
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")));
        assertThat(cells.get(1)).isEqualTo(newName);
        assertThat(cells.get(2)).contains(newName + ": namnet ändrades från " + current.get("name").asString() + " till " + newName + ".")
                .contains("Skäl: nytt namn i webbläsaren; av web-skovde-editor.");
        browser.screenshot("andringar");
    }

    /** A Göteborg body is shown read-only to Skövde's editor, saying why; Redigera is in the editor's menu. */
    @Test
    void aBodyOutsideTheEditorsMunicipalitiesIsReadOnlyForThem() throws IOException {
        browser.open("redigera.html?id=web-goteborg");
        browser.waitFor("#view-parties tbody tr");
        assertThat(browser.js("return document.getElementById('body-section').hidden")).isEqualTo(true);
        assertThat(browser.text("#edit-readonly")).contains("web-skovde-editor").contains("utanför din behörighet");
        assertThat(browser.text("#view-parties")).contains("Göteborg (1480)");
        browser.waitFor("nav a[href^='redigera.html']");
        browser.screenshot("redigera-readonly");
    }

    /** The editor's scope taken away while the form is open (by an administrator): the save is refused, said plainly. */
    @Test
    void aChangeOutsideTheEditorsScopeIsRefusedOnThePage(@Autowired UserStore users) throws IOException {
        openBody("web-skovde");
        var editor = users.find("web-skovde-editor").orElseThrow();
        users.save(editor.username(), editor.passwordHash(), editor.roles(), List.of("municipality:1482"));
        try {
            String before = GraphChecksum.of(neo4j);
            typeName("kapad");
            save();
            waitForStatus("#status .message.error");
            assertThat(browser.text("#status .message.error")).contains("Utanför din behörighet").contains("1482");
            browser.screenshot("redigera-forbidden");
            assertThat(GraphChecksum.of(neo4j)).isEqualTo(before);
        } finally {
            users.save(editor.username(), editor.passwordHash(), editor.roles(), List.of("municipality:1496"));
        }
    }

    /** A party chosen by name joins; a new body is made on the page. */
    @Test
    void aPartyIsChosenByNameAndANewBodyIsMadeOnThePage() throws IOException {
        openBody("web-skovde");
        WebElement party = browser.driver().findElement(By.id("join-party"));
        party.sendKeys("Töreboa");
        click("#join-form button[type='submit']");
        browser.waitFor("#join-party-problem");
        assertThat(browser.text("#join-party-problem")).isEqualTo("Töreboa finns inte som kommun eller aktör; menade du Töreboda (1473)?");
        party.clear();
        party.sendKeys("Töreboda");
        setDate("#join-from", "2026-02-01");
        click("#join-form button[type='submit']");
        waitForStatus("#status .message.notice");
        assertThat(browser.text("#status")).isEqualTo("Sparat.");
        assertThat(browser.text("#parties")).contains("Töreboda (1473)");
        assertThat(rows(api.get("/api/bodies/web-skovde/state").json())).contains("1473 MEMBER 2026-02-01..");
        browser.screenshot("redigera-party-by-name");

        browser.open("redigera.html");
        browser.waitFor("#new-body:not([hidden])");
        click("#new-body");
        browser.waitFor("#create-section:not([hidden])");
        new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("new-form"))).selectByValue("ASSOCIATION");
        browser.driver().findElement(By.id("new-name")).sendKeys("Web ny förening");
        assertThat(browser.driver().findElement(By.id("new-id")).getDomProperty("value")).isEqualTo("web-ny-forening");
        setDate("#new-from", "2026-03-01");
        browser.driver().findElement(By.id("new-source")).sendKeys("beslut KS 2026-02");
        browser.driver().findElement(By.id("new-party")).sendKeys("Skövde");
        click("#new-party-add");
        browser.driver().findElement(By.id("new-party")).sendKeys("Hjo (1497)");
        click("#new-party-add");
        assertThat(browser.text("#new-parties")).contains("Skövde (1496)").contains("Hjo (1497)");
        browser.screenshot("redigera-new-body");
        click("#create-submit");
        browser.waitFor("#body-section:not([hidden])");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> browser.text("#body-heading").contains("web-ny-forening"));
        assertThat(browser.driver().getCurrentUrl()).contains("id=web-ny-forening");
        assertThat(rows(api.get("/api/bodies/web-ny-forening/state").json()))
                .containsExactlyInAnyOrder("1496 MEMBER 2026-03-01..", "1497 MEMBER 2026-03-01..");
    }

    @Test
    void aChangeMadeMeanwhileGivesTheConflictMessageAndTheCurrentState() throws IOException {
        openBody("web-skovde");
        JsonNode state = api.get("/api/bodies/web-skovde/state").json();
        @SuppressWarnings("unchecked")
        Map<String, Object> body = JSON.convertValue(state, Map.class);
        body.put("name", "Ändrad via API " + state.get("version").asLong());
        var meanwhile = send("PUT", "/api/bodies/web-skovde", Map.of("version", state.get("version").asLong(), "body", body));
        assertThat(meanwhile.status()).as(meanwhile.text()).isEqualTo(200);

        String before = GraphChecksum.of(neo4j);
        typeName("Skrivs inte");
        save();
        assertThat(browser.text("#status .message.error")).contains("Organet ändrades under tiden")
                .contains("version " + state.get("version").asLong());
        // The page now holds the current state, so the next save would start from it.
        assertThat(browser.driver().findElement(By.id("name")).getDomProperty("value")).isEqualTo(body.get("name"));
        assertThat(browser.text("#body-heading")).contains("version " + (state.get("version").asLong() + 1));
        browser.screenshot("redigera-conflict");
        assertThat(GraphChecksum.of(neo4j)).isEqualTo(before);
        assertThat(api.get("/api/bodies/web-skovde").json().get("name").asString()).isEqualTo(body.get("name"));
    }

    @Test
    void aBodyNamedScriptShowsAsTextOnBothPages() throws IOException {
        browser.logs();
        openBody("web-script");
        assertThat(browser.text("#body-heading")).startsWith(SCRIPT_NAME);
        assertThat(browser.driver().findElement(By.id("name")).getDomProperty("value")).isEqualTo(SCRIPT_NAME);
        assertThat(browser.driver().findElements(By.cssSelector("main script, main img"))).isEmpty();
        browser.screenshot("redigera-script");

        browser.open("andringar.html?entity=web-script");
        browser.waitFor("#changes tbody tr");
        assertThat(browser.text("#changes")).contains(SCRIPT_NAME);
        assertThat(browser.driver().findElements(By.cssSelector("main script, main img"))).isEmpty();
        assertThat(browser.js("return window.pwned === undefined")).isEqualTo(true);
        assertThat(browser.logs()).noneMatch(e -> e.getLevel().intValue() >= Level.SEVERE.intValue());
    }
}
