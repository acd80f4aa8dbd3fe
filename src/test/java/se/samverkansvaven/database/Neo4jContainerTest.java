package se.samverkansvaven.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.neo4j.Neo4jContainer;
import se.samverkansvaven.ApiClient;

/**
 * The integration checks against a real Neo4j 2026.08 server in a container, with auth on. Runs where a
 * Docker engine exists; skipped cleanly (not failed) where none does, as on CI here.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class Neo4jContainerTest {

    @Container
    static final Neo4jContainer NEO4J = new Neo4jContainer("neo4j:2026.08-community")
            .withAdminPassword("container-test-password");

    @DynamicPropertySource
    static void neo4j(DynamicPropertyRegistry registry) {
        registry.add("spring.neo4j.uri", NEO4J::getBoltUrl);
        registry.add("spring.neo4j.authentication.username", () -> "neo4j");
        registry.add("spring.neo4j.authentication.password", NEO4J::getAdminPassword);
    }

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    @Test
    void servesTheReferenceDataFromTheServer() {
        assertThat(context.getBeansOfType(DatabaseManagementService.class)).isEmpty();
        var skovde = new ApiClient(port).get("/api/municipalities/1496");
        assertThat(skovde.status()).isEqualTo(200);
        assertThat(skovde.json().get("neighbours")).hasSize(8);
    }
}
