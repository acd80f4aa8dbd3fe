package se.samverkansvaven.editing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import se.samverkansvaven.ApiClient;
import se.samverkansvaven.security.Role;
import se.samverkansvaven.security.UserStore;
import se.samverkansvaven.testing.GraphChecksum;
import tools.jackson.databind.JsonNode;

/**
 * Generated malformed input against POST /api/imports and the editing API, through the whole HTTP stack
 * as an administrator: broken CSV quoting, Latin-1 bytes, huge fields, unknown ids, overlapping dates and
 * injection text (quotes, Cypher, HTML) in every cell. Each answer is 2xx or a 4xx with a message, never a
 * 5xx; after a 4xx the whole graph is unchanged (checksum); after a 2xx the text is stored exactly as sent.
 *
 * <p>The cases come from jqwik's generators ({@link Arbitrary#sampleStream}) run inside this JUnit test, so
 * the test shares the one Spring context of the suite; jqwik's own engine would need a context of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MalformedInputTest {

    static final String BODIES = "id,form,name,sector,level,governance,seat_code,valid_from,valid_to,source";
    static final String PARTIES = "body_id,party,role,valid_from,valid_to,representative,source";

    @LocalServerPort
    int port;

    @org.junit.jupiter.api.AfterAll
    static void removeTestBodies(@Autowired Driver driver, @Autowired se.samverkansvaven.database.GraphRevisions revisions) {
        se.samverkansvaven.testing.TestBodies.remove(driver, revisions, "pbt-");
        se.samverkansvaven.testing.TestBodies.removeBySource(driver, revisions, "pbt-test");
    }

    @Autowired
    Driver driver;

    static Arbitrary<String> nasty() {
        return Arbitraries.oneOf(
                Arbitraries.of("'", "\"", "''", "\\", "' OR '1'='1", "\") MATCH (n) DETACH DELETE n //",
                        "}) DETACH DELETE n RETURN 1 //", "${jndi:ldap://x}", "<script>alert(1)</script>",
                        "<img src=x onerror=alert(1)>", "a,b", "a\nb", "\r", "\u0000", "\uFEFF", "é", "ö ä å",
                        "1496", "9999", "no-such-id", "2020-13-45", "2030-01-01", "", " "),
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withChars('a', 'ö', '"', ',', '<', '\'').ofMinLength(2001).ofMaxLength(2100));
    }

    /** A valid two-body bundle of its own ids, as rows of cells. */
    static Map<String, List<String[]>> validBundle() {
        Map<String, List<String[]>> files = new LinkedHashMap<>();
        files.put("bodies.csv", new ArrayList<>(List.of(
                BODIES.split(","),
                new String[] {"pbt-fed", "FEDERATION", "Egenskapsförbundet", "", "", "", "1496", "2020-01-01", "", "pbt-test"},
                new String[] {"pbt-agr", "AGREEMENT", "Egenskapsavtalet", "", "", "", "", "2020-01-01", "", "pbt-test"})));
        files.put("parties.csv", new ArrayList<>(List.of(
                PARTIES.split(","),
                new String[] {"pbt-fed", "1496", "MEMBER", "2020-01-01", "", "", "pbt-test"},
                new String[] {"pbt-fed", "1497", "MEMBER", "2020-01-01", "", "", "pbt-test"},
                new String[] {"pbt-agr", "1496", "HOST", "2020-01-01", "", "", "pbt-test"},
                new String[] {"pbt-agr", "1498", "PARTICIPANT", "2020-01-01", "", "", "pbt-test"})));
        return files;
    }

    enum Mutation { CELL, RAW_CELL, LATIN1, TRUNCATE, OVERLAP, UNKNOWN_PARTY, DUPLICATE_BODY }

    record Case(Mutation mutation, String value, int file, int row, int column, int cut) {}

    static Arbitrary<Case> cases() {
        return Combinators.combine(Arbitraries.of(Mutation.class), nasty(), Arbitraries.integers().between(0, 1),
                Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(1, 200)).as(Case::new);
    }

    static Map<String, byte[]> apply(Case c) {
        var files = validBundle();
        String name = c.file() == 0 ? "bodies.csv" : "parties.csv";
        List<String[]> rows = files.get(name);
        int row = 1 + c.row() % (rows.size() - 1);
        int column = c.column() % rows.get(row).length;
        Charset charset = StandardCharsets.UTF_8;
        String raw = null;
        switch (c.mutation()) {
            case CELL -> rows.get(row)[column] = c.value();
            case RAW_CELL -> raw = c.value(); // written unquoted: broken quoting and stray commas
            case LATIN1 -> {
                rows.get(row)[column] = rows.get(row)[column] + "åäö";
                charset = StandardCharsets.ISO_8859_1;
            }
            case OVERLAP -> files.get("parties.csv").add(new String[] {"pbt-fed", "1496", "MEMBER", "2021-01-01", "", "", "pbt-test"});
            case UNKNOWN_PARTY -> files.get("parties.csv").add(new String[] {"pbt-fed", c.value().isBlank() ? "x" : c.value(),
                    "MEMBER", "2020-01-01", "", "", "pbt-test"});
            case DUPLICATE_BODY -> files.get("bodies.csv").add(files.get("bodies.csv").get(1).clone());
            case TRUNCATE -> { }
        }
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        for (var entry : files.entrySet()) {
            StringBuilder text = new StringBuilder();
            for (int r = 0; r < entry.getValue().size(); r++) {
                String[] cells = entry.getValue().get(r);
                for (int i = 0; i < cells.length; i++) {
                    if (i > 0) {
                        text.append(',');
                    }
                    boolean rawHere = raw != null && entry.getKey().equals(name) && r == row && i == column;
                    text.append(rawHere ? raw : r == 0 || cells[i].isEmpty() ? cells[i]
                            : '"' + cells[i].replace("\"", "\"\"") + '"');
                }
                text.append('\n');
            }
            byte[] content = text.toString().getBytes(charset);
            if (c.mutation() == Mutation.TRUNCATE && entry.getKey().equals(name)) {
                content = java.util.Arrays.copyOf(content, Math.max(1, content.length - c.cut()));
            }
            bytes.put(entry.getKey(), content);
        }
        return bytes;
    }

    @Test
    void theLoaderAnswersEveryMalformedBundleWith2xxOr4xxAndA4xxChangesNothing() throws Exception {
        var api = new ApiClient(port);
        assertThat(upload(api, zip(apply(new Case(Mutation.CELL, "test", 0, 0, 9, 1)))).status()).isEqualTo(201);
        List<Case> samples = cases().sampleStream().limit(100).toList();
        int rejected = 0;
        for (Case c : samples) {
            String before = GraphChecksum.of(driver);
            var response = upload(api, zip(apply(c)));
            assertThat(response.status()).as(c + " -> " + response.text()).isLessThan(500);
            if (response.status() >= 400) {
                rejected++;
                assertThat(response.json().get("detail").asString()).as(c.toString()).isNotBlank();
                assertThat(GraphChecksum.of(driver)).as(c.toString()).isEqualTo(before);
            }
        }
        assertThat(rejected).as("most generated bundles are broken").isGreaterThan(samples.size() / 3);
    }

    @Test
    void theEditingApiAnswersEveryMalformedEditWith2xxOr4xxAndA4xxChangesNothing() {
        var api = new ApiClient(port);
        var editing = new EditingTest();
        editing.api = api;
        JsonNode start = editing.ensure(EditingTest.association("pbt-edit", "Egenskapsföreningen", "1496"));
        assertThat(start).isNotNull();
        List<String> fields = List.of("name", "source", "form", "validFrom", "validTo", "sector", "level", "seat",
                "party", "role", "partyFrom", "partyTo", "representative", "area", "goal");
        var edits = Combinators.combine(Arbitraries.of(fields), nasty()).as((f, v) -> new String[] {f, v});
        for (String[] edit : edits.sampleStream().limit(60).toList()) {
            JsonNode state = api.get("/api/bodies/pbt-edit/state").json();
            @SuppressWarnings("unchecked")
            Map<String, Object> body = EditingTest.JSON.convertValue(state, Map.class);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> parties = (List<Map<String, Object>>) body.get("parties");
            String field = edit[0];
            String value = edit[1];
            switch (field) {
                case "party" -> parties.getFirst().put("party", value);
                case "role" -> parties.getFirst().put("role", value);
                case "partyFrom" -> parties.getFirst().put("validFrom", value);
                case "partyTo" -> parties.getFirst().put("validTo", value);
                case "representative" -> parties.getFirst().put("representative", value);
                case "area" -> body.put("areas", List.of(value));
                case "goal" -> body.put("goals", List.of(value));
                default -> body.put(field, value);
            }
            String before = GraphChecksum.of(driver);
            var response = editing.send("PUT", "/api/bodies/pbt-edit", EditingTest.ADMIN,
                    Map.of("version", state.get("version").asLong(), "reason", value, "body", body));
            assertThat(response.status()).as(field + "=" + value + " -> " + response.text()).isLessThan(500);
            if (response.status() >= 400) {
                assertThat(response.json().get("detail").asString()).isNotBlank();
                assertThat(GraphChecksum.of(driver)).as(field + "=" + value).isEqualTo(before);
            } else if (field.equals("name") || field.equals("source")) {
                // Stored as text, exactly (an empty value is "no value").
                JsonNode stored = response.json().get(field);
                assertThat(stored.isNull() ? "" : stored.asString()).isEqualTo(value);
            }
        }
    }

    /** What can be wrong with the zip itself, as opposed to the CSV inside it. */
    enum ZipMutation { CUT, FLIP_BYTE, ZERO_RUN, MANY_ENTRIES, DUPLICATE_ENTRY, GARBAGE, NESTED_FOLDERS, BAD_METADATA }

    record ZipCase(ZipMutation mutation, int at, int value, Case content) {}

    static Arbitrary<ZipCase> zipCases() {
        return Combinators.combine(Arbitraries.of(ZipMutation.class), Arbitraries.integers().between(0, 100_000),
                Arbitraries.integers().between(0, 255), cases()).as(ZipCase::new);
    }

    static byte[] apply(ZipCase c) throws java.io.IOException {
        byte[] zip = zip(apply(c.content()));
        int at = c.at() % zip.length;
        return switch (c.mutation()) {
            case CUT -> java.util.Arrays.copyOf(zip, Math.max(1, at));
            case FLIP_BYTE -> {
                byte[] flipped = zip.clone();
                flipped[at] = (byte) (flipped[at] ^ Math.max(1, c.value()));
                yield flipped;
            }
            case ZERO_RUN -> {
                byte[] zeroed = zip.clone();
                java.util.Arrays.fill(zeroed, at, Math.min(zeroed.length, at + 1 + c.value()), (byte) 0);
                yield zeroed;
            }
            case MANY_ENTRIES -> {
                Map<String, byte[]> files = new LinkedHashMap<>(apply(c.content()));
                for (int i = 0; i < 60 + c.value() % 40; i++) {
                    files.put("extra-" + i + ".csv", new byte[0]);
                }
                yield zip(files);
            }
            case DUPLICATE_ENTRY -> {
                var out = new ByteArrayOutputStream();
                try (var z = new ZipOutputStream(out)) {
                    for (var file : apply(c.content()).entrySet()) {
                        z.putNextEntry(new ZipEntry(file.getKey()));
                        z.write(file.getValue());
                    }
                    // ZipOutputStream refuses a second entry of one name; write it under another and rename it in the bytes.
                    z.putNextEntry(new ZipEntry("bodies.cs_"));
                    z.write(("x,y\n" + c.value()).getBytes(StandardCharsets.UTF_8));
                }
                yield new String(out.toByteArray(), StandardCharsets.ISO_8859_1).replace("bodies.cs_", "bodies.csv")
                        .getBytes(StandardCharsets.ISO_8859_1);
            }
            case GARBAGE -> {
                byte[] noise = new byte[1 + at % 3000];
                new java.util.Random(c.value()).nextBytes(noise);
                if (c.value() % 2 == 0 && noise.length >= 4) {
                    noise[0] = 'P'; noise[1] = 'K'; noise[2] = 3; noise[3] = 4; // looks like a zip, is none
                }
                yield noise;
            }
            case NESTED_FOLDERS -> {
                Map<String, byte[]> files = new LinkedHashMap<>();
                apply(c.content()).forEach((name, bytes) -> files.put((c.value() % 2 == 0 ? "a/b/" : "../") + name, bytes));
                yield zip(files);
            }
            case BAD_METADATA -> {
                Map<String, byte[]> files = new LinkedHashMap<>(apply(c.content()));
                files.put("metadata.json", (c.value() % 3 == 0 ? "[1,2" : c.value() % 3 == 1 ? "\"neutralisedCells\""
                        : "{\"neutralisedCells\": \"yes\"}").getBytes(StandardCharsets.UTF_8));
                yield zip(files);
            }
        };
    }

    /**
     * Broken zips (cut short anywhere, bytes flipped or zeroed, too many entries, an entry twice, noise, folders
     * and ../ in names, a metadata.json that is no JSON): every answer is a 201 with counts or a 4xx problem
     * body with a detail, never a 5xx nor the empty 200 a zip cut short gave, and a 4xx changes nothing.
     */
    @Test
    void theLoaderAnswersEveryBrokenZipWith201Or4xxAndA4xxChangesNothing() throws Exception {
        var api = new ApiClient(port);
        List<ZipCase> samples = zipCases().sampleStream().limit(80).toList();
        for (ZipCase c : samples) {
            String before = GraphChecksum.of(driver);
            var response = upload(api, apply(c));
            assertThat(response.status()).as(c + " -> " + response.text()).isIn(201, 400, 409, 413, 422);
            if (response.status() == 201) {
                assertThat(response.json().get("counts")).as(c.toString()).isNotNull();
            } else {
                assertThat(response.contentType()).as(c.toString()).contains("application/problem+json");
                assertThat(response.json().get("detail").asString()).as(c.toString()).isNotBlank();
                assertThat(GraphChecksum.of(driver)).as(c.toString()).isEqualTo(before);
            }
        }
    }

    /** The editing operations besides the full-state PUT, each with one generated field. */
    enum Operation { CREATE, JOIN, LEAVE, CHANGE_ROLE, CHANGE_ROLES }

    /**
     * Every editing operation with a generated value in one of its fields, sent by an administrator or by an
     * editor whose scope (municipality 1496) reaches the body: never a 5xx (an editor's malformed date was a
     * 500), and a 4xx changes nothing.
     */
    @Test
    void everyEditingOperationAnswersGeneratedFieldsWith2xxOr4xxAndA4xxChangesNothing(@Autowired UserStore users,
            @Autowired PasswordEncoder encoder) {
        if (users.find("pbt-editor").isEmpty()) {
            users.save("pbt-editor", encoder.encode("pbt-password"), java.util.EnumSet.of(Role.EDITOR),
                    List.of("municipality:1496"));
        }
        String editor = EditingTest.basic("pbt-editor", "pbt-password");
        var api = new ApiClient(port);
        var editing = new EditingTest();
        editing.api = api;
        assertThat(editing.ensure(EditingTest.association("pbt-ops", "Operationsföreningen", "1496", "1497"))).isNotNull();
        List<String> fields = List.of("party", "role", "validFrom", "validTo", "newRole", "date", "representative", "source");
        var requests = Combinators.combine(Arbitraries.of(Operation.class), Arbitraries.of(fields), nasty(),
                Arbitraries.of(true, false)).as((op, field, value, asEditor) -> new Object[] {op, field, value, asEditor});
        int index = 0;
        for (Object[] request : requests.sampleStream().limit(60).toList()) {
            Operation op = (Operation) request[0];
            String field = (String) request[1];
            String value = (String) request[2];
            String auth = (Boolean) request[3] ? editor : EditingTest.ADMIN;
            long version = api.get("/api/bodies/pbt-ops/state").json().get("version").asLong();
            Map<String, Object> row = new LinkedHashMap<>(Map.of("party", "1496", "role", "MEMBER",
                    "validFrom", "2020-01-01"));
            Map<String, Object> body = new LinkedHashMap<>(Map.of("version", version, "reason", "pbt"));
            String path = "/api/bodies/pbt-ops/parties";
            switch (op) {
                case CREATE -> {
                    row.put(field, value);
                    path = "/api/bodies";
                    body.put("body", Map.of("id", "pbt-new-" + index++, "form", "ASSOCIATION", "name", "Ny",
                            "validFrom", "2020-01-01", "source", "pbt-test", "parties", List.of(row)));
                }
                case JOIN -> {
                    row.putAll(Map.of("party", "1498", "validFrom", "2024-01-01"));
                    row.put(field, value);
                    body.putAll(row);
                }
                case LEAVE -> {
                    row.put("validTo", "2030-01-01");
                    row.put(field, value);
                    body.putAll(row);
                    path += "/leave";
                }
                case CHANGE_ROLE, CHANGE_ROLES -> {
                    row.putAll(Map.of("newRole", "MEMBER", "date", "2026-01-01"));
                    row.put(field, value);
                    if (op == Operation.CHANGE_ROLE) {
                        body.putAll(row);
                    } else {
                        body.put("changes", List.of(row));
                    }
                    path += "/role";
                }
            }
            String before = GraphChecksum.of(driver);
            var response = editing.send("POST", path, auth, body);
            String what = op + " " + field + "=" + value + " as " + ((Boolean) request[3] ? "editor" : "admin");
            assertThat(response.status()).as(what + " -> " + response.text()).isLessThan(500);
            if (response.status() >= 400) {
                assertThat(response.contentType()).as(what).contains("application/problem+json");
                assertThat(GraphChecksum.of(driver)).as(what).isEqualTo(before);
            }
        }
    }

    static ApiClient.Response upload(ApiClient api, byte[] zip) {
        String boundary = "pbt" + System.nanoTime();
        var out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"b.zip\"\r\n"
                + "Content-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(zip);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return api.send(HttpRequest.newBuilder(api.uri("/api/imports"))
                .header("Authorization", EditingTest.ADMIN)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build());
    }

    static byte[] zip(Map<String, byte[]> files) throws java.io.IOException {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
