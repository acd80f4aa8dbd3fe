package se.samverkansvaven.analysis.scenario;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;
import se.samverkansvaven.database.CypherFiles;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stored scenarios as {@code :Scenario} nodes beside the graph of record, never part of it: no relationship, a
 * label no reader of the graph of record matches (the projection, exports, coverage and sources match their own
 * labels; {@code ScenarioIsolationTest} holds exports and analyses byte-identical with and without stored
 * scenarios), and writes that do not move the graph's revision (a scenario is not an edit). The changes are kept
 * as the JSON that was sent, so a scenario reads back exactly as written.
 */
@Component
class ScenarioStore {

    private static final String CREATE = CypherFiles.load("cypher/scenario/create.cypher");
    private static final String BY_ID = CypherFiles.load("cypher/scenario/by-id.cypher");
    private static final String BY_TOKEN = CypherFiles.load("cypher/scenario/by-token.cypher");
    private static final String BY_OWNER = CypherFiles.load("cypher/scenario/by-owner.cypher");
    private static final String UPDATE = CypherFiles.load("cypher/scenario/update.cypher");
    private static final String DELETE = CypherFiles.load("cypher/scenario/delete.cypher");
    private static final String SHARE = CypherFiles.load("cypher/scenario/share.cypher");
    private static final String BODY_VERSIONS = CypherFiles.load("cypher/scenario/body-versions.cypher");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A stored scenario: {@code changes} the JSON sent; {@code versions} the touched bodies' versions when stored. */
    record Stored(String id, String owner, String name, LocalDate asOf, String changes, Map<String, Long> versions,
                  long basedOnRevision, String shareToken, ZonedDateTime createdAt, ZonedDateTime updatedAt) {}

    private final Driver driver;
    private final SecureRandom random = new SecureRandom();

    ScenarioStore(Driver driver) {
        this.driver = driver;
    }

    /**
     * 128 random bits in lower-case hex: ids and read links cannot be guessed or enumerated, and an id fits in the
     * ids of the bodies the scenario's STARTs create when applied ({@code scenario-<id>-<n>}).
     */
    String token() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    Stored create(String owner, String name, LocalDate asOf, String changes, Map<String, Long> versions, long revision) {
        Map<String, Object> parameters = contents(token(), owner, name, asOf, changes, versions, revision);
        try (var session = driver.session()) {
            return session.executeWrite(tx -> stored(tx.run(CREATE, parameters).single()));
        }
    }

    Optional<Stored> byId(String id) {
        return one(BY_ID, Map.of("id", id));
    }

    Optional<Stored> byToken(String token) {
        return one(BY_TOKEN, Map.of("token", token));
    }

    List<Stored> byOwner(String owner) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(BY_OWNER, Map.of("owner", owner)).list(ScenarioStore::stored));
        }
    }

    Optional<Stored> update(String id, String owner, String name, LocalDate asOf, String changes,
                            Map<String, Long> versions, long revision) {
        Map<String, Object> parameters = contents(id, owner, name, asOf, changes, versions, revision);
        try (var session = driver.session()) {
            return session.executeWrite(tx -> tx.run(UPDATE, parameters).list(ScenarioStore::stored).stream().findFirst());
        }
    }

    /** The parameters of create.cypher and update.cypher: what a scenario holds, stamped now. */
    private static Map<String, Object> contents(String id, String owner, String name, LocalDate asOf, String changes,
                                                Map<String, Long> versions, long revision) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("id", id);
        parameters.put("owner", owner);
        parameters.put("name", name);
        parameters.put("asOf", asOf);
        parameters.put("changes", changes);
        parameters.put("versions", JSON.writeValueAsString(new TreeMap<>(versions)));
        parameters.put("revision", revision);
        parameters.put("now", ZonedDateTime.now());
        return parameters;
    }

    boolean delete(String id, String owner) {
        try (var session = driver.session()) {
            return session.executeWrite(tx -> tx.run(DELETE, Map.of("id", id, "owner", owner)).hasNext());
        }
    }

    /** Sets a new read link ({@code token}) or withdraws it (null). */
    Optional<Stored> share(String id, String owner, String token) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("id", id);
        parameters.put("owner", owner);
        parameters.put("token", token);
        try (var session = driver.session()) {
            return session.executeWrite(tx -> tx.run(SHARE, parameters).list(ScenarioStore::stored).stream().findFirst());
        }
    }

    /** The stored version of each existing body among {@code ids}. */
    Map<String, Long> bodyVersions(java.util.Collection<String> ids) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                Map<String, Long> versions = new TreeMap<>();
                tx.run(BODY_VERSIONS, Map.of("ids", List.copyOf(ids)))
                        .forEachRemaining(r -> versions.put(r.get("id").asString(), r.get("version").asLong()));
                return versions;
            });
        }
    }

    private Optional<Stored> one(String query, Map<String, Object> parameters) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(query, parameters).list(ScenarioStore::stored).stream().findFirst());
        }
    }

    @SuppressWarnings("unchecked")
    private static Stored stored(Record r) {
        Value s = r.get("s");
        Map<String, Object> versions = JSON.readValue(s.get("versions").asString("{}"), Map.class);
        Map<String, Long> typed = new TreeMap<>();
        versions.forEach((k, v) -> typed.put(k, ((Number) v).longValue()));
        return new Stored(s.get("id").asString(), s.get("owner").asString(), s.get("name").asString(),
                s.get("asOf").asLocalDate(), s.get("changes").asString(), typed, s.get("basedOnRevision").asLong(),
                s.get("shareToken").isNull() ? null : s.get("shareToken").asString(),
                s.get("createdAt").asZonedDateTime(), s.get("updatedAt").asZonedDateTime());
    }
}
