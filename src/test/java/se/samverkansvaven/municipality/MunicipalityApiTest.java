package se.samverkansvaven.municipality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samverkansvaven.ApiClient;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MunicipalityApiTest {

    @LocalServerPort
    int port;

    ApiClient api() {
        return new ApiClient(port);
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.get(field).asString()));
        return values;
    }

    @Test
    void skovdeWithItsNeighboursAndFederation() {
        var response = api().get("/api/municipalities/1496");
        assertThat(response.status()).isEqualTo(200);
        JsonNode skovde = response.json();
        assertThat(skovde.get("name").asString()).isEqualTo("Skövde");
        assertThat(skovde.get("county").get("code").asString()).isEqualTo("14");
        List<String> neighbours = new ArrayList<>();
        skovde.get("neighbours").forEach(n -> neighbours.add(n.asString()));
        assertThat(neighbours).containsExactly("1471", "1472", "1473", "1493", "1495", "1497", "1498", "1499");
        assertThat(texts(skovde.get("neighbourNames"), "name")).containsExactlyInAnyOrder(
                "Falköping", "Götene", "Hjo", "Mariestad", "Skara", "Tibro", "Tidaholm", "Töreboda");
        JsonNode federation = null;
        for (JsonNode body : skovde.get("bodies")) {
            if (body.get("id").asString().equals("fed-skaraborg")) {
                federation = body;
            }
        }
        assertThat(federation).as("Skaraborgs kommunalförbund among Skövde's bodies").isNotNull();
        assertThat(federation.get("name").asString()).isEqualTo("Skaraborgs kommunalförbund");
        assertThat(federation.get("role").asString()).isEqualTo("MEMBER");
        assertThat(federation.get("illustrative").asBoolean()).isFalse();
    }

    @Test
    void illustrativeBodiesAreMarked() {
        JsonNode bodies = api().get("/api/municipalities/1496").json().get("bodies");
        List<JsonNode> illustrative = new ArrayList<>();
        bodies.forEach(b -> {
            if (b.get("id").asString().startsWith("ill-")) {
                illustrative.add(b);
            }
        });
        assertThat(illustrative).isNotEmpty();
        assertThat(illustrative).allSatisfy(b -> {
            assertThat(b.get("illustrative").asBoolean()).isTrue();
            assertThat(b.get("source").asString()).isEqualTo("illustrative");
        });
    }

    @Test
    void searchIgnoresCaseAndDiacritics() {
        assertThat(texts(api().get("/api/municipalities?q=skovde").json(), "code")).containsExactly("1496");
        assertThat(texts(api().get("/api/municipalities?q=149").json(), "code")).contains("1496", "1497");
        assertThat(api().get("/api/municipalities").json().size()).isEqualTo(290);
    }

    @Test
    void asOfShowsTheBodiesOfThatDate() {
        // Before any illustrative body started (the earliest starts in 2005), only undated real bodies remain.
        JsonNode bodies = api().get("/api/municipalities/1496?asOf=1990-01-01").json().get("bodies");
        assertThat(texts(bodies, "id")).allMatch(id -> !id.startsWith("ill-"));
    }

    @Test
    void unknownCodeIs404AndMalformedInputIs400() {
        var missing = api().get("/api/municipalities/9999");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).contains("application/problem+json");
        assertThat(missing.json().get("detail").asString()).contains("9999");

        var badCode = api().get("/api/municipalities/abc");
        assertThat(badCode.status()).isEqualTo(400);
        assertThat(badCode.json().get("parameter").asString()).isEqualTo("code");

        var badDate = api().get("/api/municipalities/1496?asOf=2025-13-01");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().get("parameter").asString()).isEqualTo("asOf");
        assertThat(badDate.json().get("detail").asString()).contains("YYYY-MM-DD");

        var body = api().get("/api/bodies/no-such-body");
        assertThat(body.status()).isEqualTo(404);
        assertThat(body.json().get("detail").asString()).contains("no-such-body");
    }

    @Test
    void bodyWithPartiesAreasAndCatalogue() {
        JsonNode federation = api().get("/api/bodies/fed-skaraborg").json();
        assertThat(federation.get("form").asString()).isEqualTo("FEDERATION");
        assertThat(federation.get("seat").get("code").asString()).isEqualTo("1496");
        assertThat(federation.get("parties").size()).isEqualTo(15);
        assertThat(api().get("/api/areas").json().size()).isEqualTo(33);
        assertThat(api().get("/api/sectors").json().size()).isEqualTo(9);
    }

    /**
     * Issue 14: the municipality answer says what the data knows of its list of bodies, in the analysis answers'
     * coverage shape. Kiruna (2584) is in no shipped row and no coverage row: no data. Umeå (2480) is covered by
     * nothing but hosts the Umeåregionen joint committee (public-sources bundle): not covered, yet not "no data"
     * for the default forms, and "no data" for federations alone. Skövde (1496) is covered for the default forms
     * by an illustrative row only (illustrative/coverage.csv), so real-only it is not covered.
     */
    @Test
    void coverageOfTheMunicipalityForTheFormsAsked() {
        JsonNode kiruna = api().get("/api/municipalities/2584").json();
        assertThat(kiruna.get("covered").asBoolean()).isFalse();
        assertThat(kiruna.get("noData").asBoolean()).isTrue();
        assertThat(kiruna.get("illustrativeIncluded").asBoolean()).isTrue();
        JsonNode coverage = kiruna.get("coverage");
        assertThat(coverage.get("scope").asString()).isEqualTo("municipality:2584");
        assertThat(coverage.get("municipalities").asInt()).isEqualTo(1);
        assertThat(coverage.get("coveredCount").asInt()).isZero();
        assertThat(texts(coverage.get("forms"))).containsExactly(
                "FEDERATION", "JOINT_COMMITTEE", "AGREEMENT", "COMPANY", "ASSOCIATION");
        assertThat(texts(coverage.get("notCovered"))).containsExactly("2584");
        assertThat(coverage.get("complete").asBoolean()).isFalse();

        JsonNode umea = api().get("/api/municipalities/2480").json();
        assertThat(umea.get("covered").asBoolean()).isFalse();
        assertThat(umea.get("noData").asBoolean()).as("Umeå hosts a joint committee").isFalse();
        assertThat(texts(umea.get("bodies"), "id")).contains("gn-umearegionen-brand");
        JsonNode umeaFederations = api().get("/api/municipalities/2480?forms=FEDERATION").json();
        assertThat(umeaFederations.get("noData").asBoolean()).as("no federation names Umeå").isTrue();
        assertThat(texts(umeaFederations.get("coverage").get("forms"))).containsExactly("FEDERATION");

        JsonNode skovde = api().get("/api/municipalities/1496").json();
        assertThat(skovde.get("covered").asBoolean()).isTrue();
        assertThat(skovde.get("noData").asBoolean()).isFalse();
        assertThat(skovde.get("coverage").get("illustrative").asBoolean()).isTrue();
        assertThat(texts(skovde.get("coverage").get("covered"))).containsExactly("1496");
        JsonNode skovdeReal = api().get("/api/municipalities/1496?illustrative=false").json();
        assertThat(skovdeReal.get("illustrativeIncluded").asBoolean()).isFalse();
        assertThat(skovdeReal.get("covered").asBoolean()).as("covered only by an illustrative row").isFalse();
        assertThat(skovdeReal.get("coverage").get("illustrative").asBoolean()).isFalse();
        assertThat(skovdeReal.get("noData").asBoolean()).as("Skaraborgs kommunalförbund is real").isFalse();

        var badForms = api().get("/api/municipalities/1496?forms=FEDERATION,GUILD");
        assertThat(badForms.status()).isEqualTo(400);
        assertThat(badForms.json().get("parameter").asString()).isEqualTo("forms");
        assertThat(badForms.json().get("detail").asString()).contains("GUILD");
    }

    static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asString()));
        return values;
    }
}
