package se.samverkansvaven.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samverkansvaven.ApiClient;
import se.samverkansvaven.database.GraphRevisions;

/**
 * Editors' user names are shown to logged-in readers only (issue 18: anonymous GET /api/changes listed them). The
 * trail itself stays public: what changed, when and why.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditTrailPrivacyTest {

    static final String EDITOR = "privacy-test-editor";
    static final String ENTITY = "privacy-test-body";

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void aChangeByANamedEditor(@Autowired Driver driver, @Autowired GraphRevisions revisions) {
        api = new ApiClient(port);
        try (var session = driver.session()) {
            revisions.writeWithoutResult(session, tx -> {
                ChangeLog.record(tx, EDITOR, "privacy test", List.of(
                        new ChangeLog.Entry("UPDATE", "Body", ENTITY, "name", "before", "after")));
                GraphRevisions.bump(tx);
            });
        }
    }

    private ApiClient.Response get(String path, boolean loggedIn) {
        var request = HttpRequest.newBuilder(api.uri(path));
        if (loggedIn) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString("admin:test-admin-password".getBytes(StandardCharsets.UTF_8)));
        }
        return api.send(request.build());
    }

    @Test
    void anonymousReadersSeeTheChangeButNoUserName() {
        var anonymous = get("/api/changes?entity=" + ENTITY, false);
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json()).isNotEmpty().allSatisfy(c -> {
            assertThat(c.get("user").isNull()).isTrue();
            assertThat(c.get("reason").asString()).isEqualTo("privacy test");
        });
        assertThat(get("/api/changes", false).text()).doesNotContain(EDITOR).doesNotContain("\"user\":\"admin\"");

        var loggedIn = get("/api/changes?entity=" + ENTITY, true);
        assertThat(loggedIn.json()).allSatisfy(c -> assertThat(c.get("user").asString()).isEqualTo(EDITOR));
    }

    @Test
    void anonymousReadersCannotAskWhetherAUserNameExists() {
        var refused = get("/api/changes?user=" + EDITOR, false);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(get("/api/changes?user=" + EDITOR, true).json()).isNotEmpty();
    }

    @Test
    void anonymousSnapshotsWithTheTrailCarryNoUserName() {
        for (String format : List.of("json", "graphml", "cypher")) {
            var anonymous = get("/api/snapshots?format=" + format + "&includeChanges=true", false);
            assertThat(anonymous.status()).isEqualTo(200);
            assertThat(anonymous.text()).as(format).contains(ENTITY).doesNotContain(EDITOR);
            assertThat(get("/api/snapshots?format=" + format + "&includeChanges=true", true).text()).as(format)
                    .contains(EDITOR);
        }
        var gexf = get("/api/snapshots?format=gexf&includeChanges=true", false);
        assertThat(gexf.text()).contains(ENTITY).doesNotContain(EDITOR);
    }
}
