package se.samverkansvaven.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samverkansvaven.ApiClient;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReferenceDataTest {

    @Autowired
    Driver driver;

    @Autowired
    ReferenceDataLoader loader;

    @LocalServerPort
    int port;

    long count(String query) {
        try (var session = driver.session()) {
            return session.run(query).single().get(0).asLong();
        }
    }

    @Test
    void loadsAllMunicipalitiesCountiesAndBorders() {
        assertThat(count("MATCH (m:Municipality) RETURN count(m)")).isEqualTo(290);
        assertThat(count("MATCH (c:County) RETURN count(c)")).isEqualTo(21);
        assertThat(count("MATCH (:Municipality)-[r:BORDERS]->(:Municipality) RETURN count(r)")).isEqualTo(757);
        assertThat(count("MATCH (m:Municipality)-[:IN_COUNTY]->(:County) RETURN count(m)")).isEqualTo(290);
        assertThat(count("MATCH (s:Sector) RETURN count(s)")).isEqualTo(9);
        assertThat(count("MATCH (a:ServiceArea)-[:IN_SECTOR]->(:Sector) RETURN count(a)")).isEqualTo(33);
    }

    @Test
    void skovdeHasItsEightNeighboursAndGotlandNone() {
        try (var session = driver.session()) {
            List<String> names = session.run("""
                    MATCH (:Municipality {code: '1496'})-[:BORDERS]-(n) RETURN n.name AS name ORDER BY name""")
                    .list(r -> r.get("name").asString());
            assertThat(names).containsExactly("Falköping", "Götene", "Hjo", "Mariestad", "Skara", "Tibro",
                    "Tidaholm", "Töreboda");
        }
        assertThat(count("MATCH (:Municipality {code: '0980'})-[r:BORDERS]-() RETURN count(r)")).isZero();
    }

    @Test
    void loadingAgainChangesNothing() {
        long relationships = count("MATCH ()-[r]->() RETURN count(r)");
        long nodes = count("MATCH (n) RETURN count(n)");
        loader.load();
        assertThat(count("MATCH ()-[r]->() RETURN count(r)")).isEqualTo(relationships);
        assertThat(count("MATCH (n) RETURN count(n)")).isEqualTo(nodes);
        assertThat(loader.loadedVersion()).isEqualTo(ReferenceDataLoader.REFERENCE_VERSION);
    }

    /** The pages read the model's rules from here instead of copying them (domain.md, the loader's rules). */
    @Test
    void theModelEndpointGivesEachFormItsRoles() {
        JsonNode model = new ApiClient(port).get("/api/model").json();
        java.util.Map<String, JsonNode> forms = new java.util.LinkedHashMap<>();
        model.get("forms").forEach(f -> forms.put(f.get("id").asString(), f));
        assertThat(forms.keySet()).containsExactly("FEDERATION", "JOINT_COMMITTEE", "AGREEMENT", "COMPANY", "ASSOCIATION",
                "NETWORK", "INITIATIVE");
        assertThat(forms.get("FEDERATION").get("partyRoles").toString()).isEqualTo("[\"MEMBER\"]");
        assertThat(forms.get("JOINT_COMMITTEE").get("partyRoles").toString()).isEqualTo("[\"HOST\",\"PARTICIPANT\"]");
        assertThat(forms.get("JOINT_COMMITTEE").get("requiresHost").asBoolean()).isTrue();
        assertThat(forms.get("NETWORK").get("partyRoles").toString()).isEqualTo("[\"PARTICIPANT\"]");
        assertThat(forms.get("NETWORK").get("convener").asBoolean()).isTrue();
        assertThat(forms.get("COMPANY").get("convener").asBoolean()).isFalse();
        assertThat(forms.values().stream().filter(f -> f.get("analysedByDefault").asBoolean()).map(f -> f.get("id").asString()))
                .containsExactly("FEDERATION", "JOINT_COMMITTEE", "AGREEMENT", "COMPANY", "ASSOCIATION");
        assertThat(model.get("levels").toString()).isEqualTo("[\"POLITICAL\",\"STRATEGIC\",\"TACTICAL\",\"OPERATIONAL\"]");
        assertThat(model.get("linkKinds").toString()).contains("JOINT_MEETING", "LIAISON");
        assertThat(model.get("roles").toString()).contains("CONVENER");
    }

    @Test
    void theActorsAreListedWithTheirKind() {
        JsonNode actors = new ApiClient(port).get("/api/actors").json();
        java.util.Map<String, String> kinds = new java.util.HashMap<>();
        actors.forEach(a -> kinds.put(a.get("id").asString(), a.get("kind").asString()));
        assertThat(kinds).containsEntry("region-vgr", "REGION");
    }
}
