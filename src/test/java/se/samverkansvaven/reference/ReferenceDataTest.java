package se.samverkansvaven.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReferenceDataTest {

    @Autowired
    Driver driver;

    @Autowired
    ReferenceDataLoader loader;

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
}
