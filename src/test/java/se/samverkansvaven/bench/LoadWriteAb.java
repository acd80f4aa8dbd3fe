package se.samverkansvaven.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.*;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.*;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.graphdb.*;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * A/B of the loader's two heaviest writes at L, on a fresh store each run (bench/README.md, "Why the load is 4x
 * short"); not a test. Creates the bundle's bodies, then its municipality party rows, in transactions of 100,000
 * rows, one of three ways: {@code bolt} (UNWIND batches of 10,000 over the driver, as the loader does), {@code cypher}
 * (the same Cypher in process) or {@code java} (the embedded Java API). Run one way per JVM:
 * {@code java -cp target/classes:target/test-classes:$(cat target/bench.classpath) se.samverkansvaven.bench.LoadWriteAb
 * bolt|cypher|java bench/data/L-seed1/bundle}
 */
public final class LoadWriteAb {
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path bundle = Path.of(args[1]);
        Path home = Files.createTempDirectory("wexp");
        var dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
                .setConfig(GraphDatabaseSettings.pagecache_memory, 2_000_000_000L).build();
        var db = (GraphDatabaseAPI) dbms.database("neo4j");
        db.executeTransactionally("CREATE CONSTRAINT FOR (m:Municipality) REQUIRE m.code IS UNIQUE");
        db.executeTransactionally("CREATE CONSTRAINT FOR (b:Body) REQUIRE b.id IS UNIQUE");
        db.executeTransactionally("CALL db.awaitIndexes(300)");
        // municipalities from parties' numeric party codes
        List<String[]> bodies = new ArrayList<>();
        try (var lines = Files.lines(bundle.resolve("bodies.csv"))) { lines.skip(1).forEach(l -> bodies.add(l.split(",", -1))); }
        List<String[]> parties = new ArrayList<>();
        try (var lines = Files.lines(bundle.resolve("parties.csv"))) { lines.skip(1).forEach(l -> parties.add(l.split(",", -1))); }
        TreeSet<String> codes = new TreeSet<>();
        for (String[] p : parties) if (p[1].chars().allMatch(Character::isDigit)) codes.add(p[1]);
        try (Transaction tx = db.beginTx()) {
            for (String c : codes) tx.createNode(Label.label("Municipality")).setProperty("code", c);
            tx.commit();
        }
        List<String[]> munParties = parties.stream().filter(p -> p[1].chars().allMatch(Character::isDigit)).toList();
        System.out.printf("%d bodies, %d municipality party rows, %d municipalities%n", bodies.size(), munParties.size(), codes.size());
        int port = db.getDependencyResolver().resolveDependency(ConnectorPortRegister.class).getLocalAddress(ConnectorType.BOLT).getPort();
        String createBodies = "UNWIND $rows AS row CREATE (b:Body:$(row.label)) SET b = row.props";
        String createParties = "UNWIND $rows AS row MATCH (b:Body {id: row.body}) MATCH (p:Municipality {code: row.party}) "
                + "CREATE (p)-[:PARTY_TO {role: row.role, validFrom: row.validFrom, validTo: row.validTo, source: row.source}]->(b)";
        long t0 = System.nanoTime();
        try (var driver = GraphDatabase.driver("bolt://127.0.0.1:" + port, AuthTokens.none())) {
            for (int from = 0; from < bodies.size(); from += 100_000) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (String[] b : bodies.subList(from, Math.min(bodies.size(), from + 100_000))) {
                    Map<String, Object> props = new HashMap<>();
                    props.put("id", b[0]); props.put("form", b[1]); props.put("name", b[2]);
                    if (!b[3].isEmpty()) props.put("sector", b[3]);
                    if (!b[4].isEmpty()) props.put("level", b[4]);
                    if (!b[7].isEmpty()) props.put("validFrom", LocalDate.parse(b[7]));
                    if (!b[8].isEmpty()) props.put("validTo", LocalDate.parse(b[8]));
                    props.put("source", b[9]);
                    rows.add(Map.of("label", b[1].equals("NETWORK") ? "Network" : "Other", "props", props));
                }
                write(mode, driver, db, createBodies, rows, true);
            }
            long t1 = System.nanoTime();
            System.out.printf("%s bodies %.1f s%n", mode, (t1 - t0) / 1e9);
            for (int from = 0; from < munParties.size(); from += 100_000) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (String[] p : munParties.subList(from, Math.min(munParties.size(), from + 100_000))) {
                    Map<String, Object> r = new HashMap<>();
                    r.put("body", p[0]); r.put("party", p[1]); r.put("role", p[2]);
                    r.put("validFrom", p[3].isEmpty() ? null : LocalDate.parse(p[3]));
                    r.put("validTo", p[4].isEmpty() ? null : LocalDate.parse(p[4]));
                    r.put("source", p[6]);
                    rows.add(r);
                }
                write(mode, driver, db, createParties, rows, false);
            }
            long t2 = System.nanoTime();
            System.out.printf("%s party rows %.1f s = %.0f rows/s%n", mode, (t2 - t1) / 1e9, munParties.size() / ((t2 - t1) / 1e9));
        }
        dbms.shutdown();
        // the store of ~1 GB is only for this run
        try (var files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    @SuppressWarnings("unchecked")
    static void write(String mode, org.neo4j.driver.Driver driver, GraphDatabaseAPI db, String query, List<Map<String, Object>> rows, boolean bodies) {
        switch (mode) {
            case "bolt" -> {
                try (var session = driver.session()) {
                    session.executeWrite(tx -> {
                        for (var batch : batches(rows)) {
                            tx.run(query, Map.of("rows", batch)).consume();
                        }
                        return null;
                    });
                }
            }
            case "cypher" -> {
                try (Transaction tx = db.beginTx()) {
                    for (var batch : batches(rows)) {
                        tx.execute(query, Map.of("rows", batch)).close();
                    }
                    tx.commit();
                }
            }
            case "java" -> {
                try (Transaction tx = db.beginTx()) {
                    Label body = Label.label("Body"), mun = Label.label("Municipality");
                    RelationshipType party = RelationshipType.withName("PARTY_TO");
                    for (Map<String, Object> row : rows) {
                        if (bodies) {
                            Node n = tx.createNode(body, Label.label((String) row.get("label")));
                            ((Map<String, Object>) row.get("props")).forEach(n::setProperty);
                        } else {
                            Node b = tx.findNode(body, "id", row.get("body"));
                            Node p = tx.findNode(mun, "code", row.get("party"));
                            Relationship r = p.createRelationshipTo(b, party);
                            r.setProperty("role", row.get("role"));
                            if (row.get("validFrom") != null) r.setProperty("validFrom", row.get("validFrom"));
                            if (row.get("validTo") != null) r.setProperty("validTo", row.get("validTo"));
                            r.setProperty("source", row.get("source"));
                        }
                    }
                    tx.commit();
                }
            }
            default -> throw new IllegalArgumentException(mode);
        }
    }

    /** UNWIND batches of 10,000 rows, as the loader's BundleWriter.BATCH. */
    private static List<List<Map<String, Object>>> batches(List<Map<String, Object>> rows) {
        List<List<Map<String, Object>>> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i += 10_000) {
            out.add(rows.subList(i, Math.min(rows.size(), i + 10_000)));
        }
        return out;
    }
}
