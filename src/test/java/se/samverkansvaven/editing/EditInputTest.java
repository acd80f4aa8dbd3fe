package se.samverkansvaven.editing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import se.samverkansvaven.ApiClient;
import se.samverkansvaven.database.GraphRevisions;
import se.samverkansvaven.security.Role;
import se.samverkansvaven.security.UserStore;
import se.samverkansvaven.testing.GraphChecksum;
import se.samverkansvaven.testing.TestBodies;

/**
 * Input errors in edits are 4xx problem bodies in the loader's shape whoever sends them (issue 18, items 6
 * and 10): an editor's malformed date is the 422 an administrator gets, not a 500 from the scope check, and
 * a change of role to the role the row has is refused rather than splitting the row.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EditInputTest {

    static final String EDITOR = EditingTest.basic("input-editor", "input-password");

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    EditingTest editing;

    @AfterAll
    static void removeTestBodies(@Autowired Driver driver, @Autowired GraphRevisions revisions) {
        TestBodies.remove(driver, revisions, "input-");
    }

    @BeforeEach
    void setUp(@Autowired UserStore users, @Autowired PasswordEncoder encoder) {
        editing = new EditingTest();
        editing.api = new ApiClient(port);
        if (users.find("input-editor").isEmpty()) {
            users.save("input-editor", encoder.encode("input-password"), EnumSet.of(Role.EDITOR),
                    List.of("municipality:1496"));
        }
    }

    @Test
    void anEditorsMalformedEndDateOnItsOwnRowGetsTheAdministratorsAnswer() {
        for (String validTo : new String[] {"2025-02-30", "not-a-date", "", "2019-13-01", " 2030-01-01"}) {
            var asEditor = createWithOwnRowEnding(EDITOR, validTo);
            purge();
            var asAdmin = createWithOwnRowEnding(EditingTest.ADMIN, validTo);
            purge();
            assertThat(asEditor.status()).as("'" + validTo + "': " + asEditor.text()).isLessThan(500)
                    .isEqualTo(asAdmin.status());
            if (asAdmin.status() == 422) {
                assertThat(asEditor.contentType()).contains("application/problem+json");
                assertThat(asEditor.json().get("errors")).as(validTo).isEqualTo(asAdmin.json().get("errors"));
                assertThat(asEditor.json().get("errors").get(0).get("column").asString()).isEqualTo("valid_to");
            }
        }
    }

    @Test
    void aChangeOfRoleToTheSameRoleIsRefusedAndChangesNothing() {
        var created = editing.send("POST", "/api/bodies", EDITOR, Map.of("body", Map.of("id", "input-role",
                "form", "ASSOCIATION", "name", "Rollbyte", "validFrom", "2020-01-01", "parties", List.of(
                        Map.of("party", "1496", "role", "MEMBER", "validFrom", "2020-01-01")))));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String before = GraphChecksum.of(driver);
        var same = editing.send("POST", "/api/bodies/input-role/parties/role", EDITOR, Map.of("version",
                created.json().get("version").asLong(), "party", "1496", "role", "MEMBER", "validFrom", "2020-01-01",
                "newRole", "MEMBER", "date", "2026-01-01"));
        assertThat(same.status()).as(same.text()).isEqualTo(422);
        assertThat(same.contentType()).contains("application/problem+json");
        assertThat(same.json().get("errors").get(0).get("message").asString()).contains("already");
        assertThat(GraphChecksum.of(driver)).isEqualTo(before);

        var inAList = editing.send("POST", "/api/bodies/input-role/parties/role", EDITOR, Map.of("version",
                created.json().get("version").asLong(), "changes", List.of(Map.of("party", "1496", "role", "MEMBER",
                        "validFrom", "2020-01-01", "newRole", "MEMBER", "date", "2026-01-01"))));
        assertThat(inAList.status()).as(inAList.text()).isEqualTo(422);
        assertThat(inAList.json().get("errors").get(0).get("message").asString()).startsWith("changes[0]:");
        assertThat(GraphChecksum.of(driver)).isEqualTo(before);
    }

    /**
     * Requests the controllers never see, because they are not what the endpoint takes: each is a 4xx with a
     * problem body naming what is wrong, and nothing changes.
     */
    @Test
    void malformedRequestsToTheWritingEndpointsAre4xxProblemBodies() {
        var api = editing.api;
        String before = GraphChecksum.of(driver);
        record Probe(String method, String path, String contentType, byte[] body, int status) {}
        byte[] brokenMultipart = "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"b.zip\"\r\n\r\nPK"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        List<Probe> probes = List.of(
                new Probe("POST", "/api/bodies", "application/json", "{\"body\": {".getBytes(), 400),
                new Probe("POST", "/api/bodies", "application/json", "[1, 2]".getBytes(), 400),
                new Probe("PUT", "/api/bodies/input-none", "application/json", "{\"version\": \"three\"}".getBytes(), 400),
                new Probe("POST", "/api/bodies/input-none/parties", "application/json", "{\"version\": 1e999}".getBytes(), 400),
                new Probe("POST", "/api/bodies", "text/plain", "id=x".getBytes(), 415),
                new Probe("DELETE", "/api/bodies/input-none?version=abc", "application/json", new byte[0], 400),
                new Probe("POST", "/api/imports", "application/json", "{}".getBytes(), 415),
                new Probe("POST", "/api/imports", "multipart/form-data; boundary=x", brokenMultipart, 400),
                new Probe("POST", "/api/imports", "multipart/form-data", "no boundary".getBytes(), 400));
        for (Probe probe : probes) {
            var response = api.send(java.net.http.HttpRequest.newBuilder(api.uri(probe.path()))
                    .header("Authorization", EditingTest.ADMIN).header("Content-Type", probe.contentType())
                    .method(probe.method(), java.net.http.HttpRequest.BodyPublishers.ofByteArray(probe.body())).build());
            String what = probe.method() + " " + probe.path() + " " + probe.contentType();
            assertThat(response.status()).as(what + " -> " + response.text()).isEqualTo(probe.status());
            assertThat(response.contentType()).as(what).contains("application/problem+json");
            assertThat(response.json().get("detail").asString()).as(what).isNotBlank();
        }
        assertThat(GraphChecksum.of(driver)).isEqualTo(before);
    }

    private ApiClient.Response createWithOwnRowEnding(String auth, String validTo) {
        var party = new java.util.HashMap<String, Object>(Map.of("party", "1496", "role", "MEMBER",
                "validFrom", "2020-01-01"));
        party.put("validTo", validTo);
        return editing.send("POST", "/api/bodies", auth, Map.of("reason", "test", "body", Map.of("id", "input-date",
                "form", "ASSOCIATION", "name", "Datumprov", "validFrom", "2020-01-01", "source", "test",
                "parties", List.of(party))));
    }

    private void purge() {
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run("MATCH (b:Body {id: 'input-date'}) DETACH DELETE b").consume());
        }
    }
}
