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
 * rows (or the number given), one of four ways: {@code bolt} (UNWIND batches of 10,000 over the driver, as the
 * loader does), {@code cypher} (the same Cypher in process), {@code java} (the embedded Java API, finding each
 * row's two nodes by index) or
 * {@code java-ids} (the Java API with every node's element id kept from its creation: no index look-up per row, the
 * kernel's own cost of the writes); or {@code offline}: Neo4j's offline importer ({@code neo4j-admin database import
 * full}, run in process) writing the same nodes and relationships into a store that does not exist yet, then the
 * two constraints built on it. Run one way per JVM:
 * {@code java -cp target/classes:target/test-classes:$(cat target/bench.classpath) se.samverkansvaven.bench.LoadWriteAb
 * bolt|cypher|java|java-ids|offline bench/data/L-seed1/bundle [rows per transaction, default 100000]}
 */
public final class LoadWriteAb {
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path bundle = Path.of(args[1]);
        int perTransaction = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        Map<String, String> elementIds = new HashMap<>(); // java-ids: body id or "m" + code -> element id
        Path home = Files.createTempDirectory("wexp");
        if (mode.equals("offline")) {
            offline(bundle, home);
            return;
        }
        var dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
                .setConfig(GraphDatabaseSettings.pagecache_memory, 2_000_000_000L).build();
        var db = (GraphDatabaseAPI) dbms.database("neo4j");
        createConstraints(db);
        // municipalities from parties' numeric party codes
        List<String[]> bodies = new ArrayList<>();
        try (var lines = Files.lines(bundle.resolve("bodies.csv"))) { lines.skip(1).forEach(l -> bodies.add(l.split(",", -1))); }
        List<String[]> parties = new ArrayList<>();
        try (var lines = Files.lines(bundle.resolve("parties.csv"))) { lines.skip(1).forEach(l -> parties.add(l.split(",", -1))); }
        TreeSet<String> codes = new TreeSet<>();
        for (String[] p : parties) if (p[1].chars().allMatch(Character::isDigit)) codes.add(p[1]);
        try (Transaction tx = db.beginTx()) {
            for (String c : codes) {
                Node m = tx.createNode(Label.label("Municipality"));
                m.setProperty("code", c);
                elementIds.put("m" + c, m.getElementId());
            }
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
            for (int from = 0; from < bodies.size(); from += perTransaction) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (String[] b : bodies.subList(from, Math.min(bodies.size(), from + perTransaction))) {
                    Map<String, Object> props = new HashMap<>();
                    props.put("id", b[0]); props.put("form", b[1]); props.put("name", b[2]);
                    if (!b[3].isEmpty()) props.put("sector", b[3]);
                    if (!b[4].isEmpty()) props.put("level", b[4]);
                    if (!b[7].isEmpty()) props.put("validFrom", LocalDate.parse(b[7]));
                    if (!b[8].isEmpty()) props.put("validTo", LocalDate.parse(b[8]));
                    props.put("source", b[9]);
                    rows.add(Map.of("label", b[1].equals("NETWORK") ? "Network" : "Other", "props", props));
                }
                write(mode, driver, db, createBodies, rows, true, elementIds);
            }
            long t1 = System.nanoTime();
            System.out.printf("%s bodies %.1f s%n", mode, (t1 - t0) / 1e9);
            for (int from = 0; from < munParties.size(); from += perTransaction) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (String[] p : munParties.subList(from, Math.min(munParties.size(), from + perTransaction))) {
                    Map<String, Object> r = new HashMap<>();
                    r.put("body", p[0]); r.put("party", p[1]); r.put("role", p[2]);
                    r.put("validFrom", p[3].isEmpty() ? null : LocalDate.parse(p[3]));
                    r.put("validTo", p[4].isEmpty() ? null : LocalDate.parse(p[4]));
                    r.put("source", p[6]);
                    rows.add(r);
                }
                write(mode, driver, db, createParties, rows, false, elementIds);
            }
            long t2 = System.nanoTime();
            System.out.printf("%s party rows %.1f s = %.0f rows/s%n", mode, (t2 - t1) / 1e9, munParties.size() / ((t2 - t1) / 1e9));
        }
        dbms.shutdown();
        delete(home);
    }

    /** The importer's CSV (header with :ID, :LABEL and typed columns) from the bundle's bodies and party rows. */
    private static void offline(Path bundle, Path home) throws Exception {
        long t0 = System.nanoTime();
        Path csv = Files.createDirectories(home.resolve("import"));
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/neo4j.conf"), "");
        TreeSet<String> codes = new TreeSet<>();
        long partyRows = 0;
        try (var out = Files.newBufferedWriter(csv.resolve("bodies.csv"));
             var lines = Files.lines(bundle.resolve("bodies.csv"))) {
            out.write("id:ID(Body),:LABEL,form,name,sector,level,validFrom:date,validTo:date,source\n");
            for (String l : (Iterable<String>) lines.skip(1)::iterator) {
                String[] b = l.split(",", -1);
                out.write(String.join(",", b[0], "Body;" + (b[1].equals("NETWORK") ? "Network" : "Other"), b[1],
                        '"' + b[2].replace("\"", "\"\"") + '"', b[3], b[4], b[7], b[8], b[9]) + "\n");
            }
        }
        try (var out = Files.newBufferedWriter(csv.resolve("parties.csv"));
             var lines = Files.lines(bundle.resolve("parties.csv"))) {
            out.write(":START_ID(Municipality),:END_ID(Body),role,validFrom:date,validTo:date,source,illustrative:boolean\n");
            for (String l : (Iterable<String>) lines.skip(1)::iterator) {
                String[] p = l.split(",", -1);
                if (p[1].chars().allMatch(Character::isDigit)) {
                    codes.add(p[1]);
                    partyRows++;
                    out.write(String.join(",", p[1], p[0], p[2], p[3], p[4], p[6], "false") + "\n");
                }
            }
        }
        try (var out = Files.newBufferedWriter(csv.resolve("municipalities.csv"))) {
            out.write("code:ID(Municipality),:LABEL\n");
            for (String c : codes) {
                out.write(c + ",Municipality\n");
            }
        }
        long t1 = System.nanoTime();
        int exit = org.neo4j.cli.AdminTool.execute(new org.neo4j.cli.ExecutionContext(home, home.resolve("conf"),
                        System.out, System.err, new org.neo4j.io.fs.DefaultFileSystemAbstraction()),
                "database", "import", "full", "--nodes=" + csv.resolve("bodies.csv"),
                "--nodes=" + csv.resolve("municipalities.csv"), "--relationships=PARTY_TO=" + csv.resolve("parties.csv"),
                "--threads=2", "neo4j");
        long t2 = System.nanoTime();
        if (exit != 0) {
            throw new IllegalStateException("import exited with " + exit);
        }
        var dbms = new DatabaseManagementServiceBuilder(home).build();
        var db = dbms.database("neo4j");
        createConstraints(db);
        long t3 = System.nanoTime();
        long stored = db.executeTransactionally("MATCH ()-[r:PARTY_TO]->() RETURN count(r) AS c", Map.of(),
                r -> (Long) r.next().get("c"));
        dbms.shutdown();
        System.out.printf("offline: %d party rows (%d stored); CSV %.1f s, import %.1f s, constraints %.1f s; "
                        + "%.0f party rows/s over import and constraints%n", partyRows, stored, (t1 - t0) / 1e9,
                (t2 - t1) / 1e9, (t3 - t2) / 1e9, partyRows / ((t3 - t1) / 1e9));
        delete(home);
    }

    private static void createConstraints(GraphDatabaseService db) {
        db.executeTransactionally("CREATE CONSTRAINT FOR (m:Municipality) REQUIRE m.code IS UNIQUE");
        db.executeTransactionally("CREATE CONSTRAINT FOR (b:Body) REQUIRE b.id IS UNIQUE");
        db.executeTransactionally("CALL db.awaitIndexes(300)");
    }

    /** The store of ~1 GB is only for this run. */
    private static void delete(Path home) throws java.io.IOException {
        try (var files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    @SuppressWarnings("unchecked")
    static void write(String mode, org.neo4j.driver.Driver driver, GraphDatabaseAPI db, String query, List<Map<String, Object>> rows,
            boolean bodies, Map<String, String> elementIds) {
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
            case "java", "java-ids" -> {
                boolean byId = mode.equals("java-ids");
                try (Transaction tx = db.beginTx()) {
                    Label body = Label.label("Body"), mun = Label.label("Municipality");
                    RelationshipType party = RelationshipType.withName("PARTY_TO");
                    for (Map<String, Object> row : rows) {
                        if (bodies) {
                            Node n = tx.createNode(body, Label.label((String) row.get("label")));
                            ((Map<String, Object>) row.get("props")).forEach(n::setProperty);
                            if (byId) {
                                elementIds.put((String) ((Map<String, Object>) row.get("props")).get("id"), n.getElementId());
                            }
                        } else {
                            Node b = byId ? tx.getNodeByElementId(elementIds.get((String) row.get("body")))
                                    : tx.findNode(body, "id", row.get("body"));
                            Node p = byId ? tx.getNodeByElementId(elementIds.get("m" + row.get("party")))
                                    : tx.findNode(mun, "code", row.get("party"));
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
