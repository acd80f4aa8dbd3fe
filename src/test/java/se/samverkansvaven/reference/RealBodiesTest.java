package se.samverkansvaven.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import se.samverkansvaven.ApiClient;
import tools.jackson.databind.JsonNode;

/**
 * The shipped real data against its sources: every real body, party row, seat and date of the
 * vastra-gotaland and public-sources bundles traces to a row of docs/sources/real-bodies.md (the
 * compilation the facts were read from), nothing marked I is shipped, every source a user sees is a
 * readable citation, and the dated histories hold as of a date through the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "samverkansvaven.test.database=shipped-data-only")
class RealBodiesTest {

    /** Shipped body id to the title of its row in real-bodies.md; true when the body's own name is in that row. */
    private record Trace(String title, boolean namedInRow) {}

    private static final Map<String, Trace> TRACES = new LinkedHashMap<>();

    static {
        TRACES.put("fed-gr", new Trace("Göteborgsregionens kommunalförbund (GR)", true));
        TRACES.put("fed-skaraborg", new Trace("Skaraborgs Kommunalförbund", true));
        TRACES.put("fed-fyrbodal", new Trace("Fyrbodals kommunalförbund", true));
        TRACES.put("fed-sjuharad", new Trace("Boråsregionen, Sjuhärads kommunalförbund", true));
        TRACES.put("fed-rmb", new Trace("Räddningstjänstförbundet Mitt Bohuslän", true));
        TRACES.put("fed-rsg", new Trace("Räddningstjänsten Storgöteborg (RSG)", true));
        TRACES.put("fed-sbrf", new Trace("Södra Bohusläns Räddningstjänstförbund (SBRF)", true));
        TRACES.put("fed-ssbf", new Trace("Storstockholms brandförsvar (SSBF)", true));
        TRACES.put("fed-sbff", new Trace("Södertörns brandförsvarsförbund (SBFF)", true));
        TRACES.put("fed-attunda", new Trace("Brandkåren Attunda", true));
        TRACES.put("fed-rsyd", new Trace("Räddningstjänsten Syd", true));
        TRACES.put("fed-rsnv", new Trace("Räddningstjänsten Skåne Nordväst (RSNV)", true));
        TRACES.put("fed-nerikes-brandkar", new Trace("Nerikes Brandkår", true));
        TRACES.put("fed-mbr", new Trace("Räddningstjänsten Mälardalen (RTMD)", true)); // the predecessor, named there
        TRACES.put("fed-rtmd", new Trace("Räddningstjänsten Mälardalen (RTMD)", true));
        TRACES.put("fed-vrtj", new Trace("Värends Räddningstjänstförbund", true));
        TRACES.put("fed-ostra-kronoberg", new Trace("Räddningstjänsten Östra Kronoberg", true));
        TRACES.put("fed-narf", new Trace("Norra Älvsborgs Räddningstjänstförbund", true));
        TRACES.put("fed-ostra-gotaland", new Trace("Räddningstjänsten Östra Götaland", true));
        TRACES.put("gn-umearegionen-brand", new Trace("Umeåregionens brand- och räddningsnämnd", true));
        TRACES.put("gn-overformyndare-varmdo-vaxholm", new Trace("Gemensam överförmyndarnämnd Värmdö–Vaxholm", true));
        // "from 2019-12-01 an additional avtalssamverkan with Nacka (Nacka staff work for both nämnder)"
        TRACES.put("avt-overformyndare-nacka-varmdo-vaxholm", new Trace("Gemensam överförmyndarnämnd Värmdö–Vaxholm", false));
        TRACES.put("fed-sydnarkes-utbildning", new Trace("Sydnärkes utbildningsförbund", true));
        TRACES.put("fed-sydnarkes-kf", new Trace("Sydnärkes kommunalförbund", true));
        TRACES.put("fed-finsam-sjuharad", new Trace("Sjuhärads samordningsförbund", true));
        TRACES.put("fed-finsam-vastra-malardalen", new Trace("Samordningsförbundet Västra Mälardalen", true));
    }

    /** The GR networks rest on the GR förstudie (a seed document), not on a row of real-bodies.md. */
    private static final Set<String> FROM_THE_SEEDS = Set.of("net-gr-klimat", "net-gr-rfp", "net-vg-hallbar");

    /**
     * Facts only the project's supplied Västra Götaland bundle gives (docs/data.md): the seats of Skaraborg,
     * Fyrbodal and Sjuhärad (real-bodies.md: an inference, not stated, an inference) and Färgelanda as the
     * 14th member of Fyrbodal (real-bodies.md: "probably Färgelanda (I)"). Each cites that bundle.
     */
    private static final Set<String> SUPPLIED_SEATS = Set.of("fed-skaraborg", "fed-fyrbodal", "fed-sjuharad");
    private static final Set<String> SUPPLIED_MEMBERS = Set.of("fed-fyrbodal 1439");
    private static final String SUPPLIED = "Samverkansväven project specification: Västra Götaland bundle, sources not named";

    /** How real-bodies.md names the non-municipal members. */
    private static final Map<String, String> ACTOR_NAMES = Map.of("arbetsformedlingen", "AF", "forsakringskassan", "FK",
            "region-vgr", "VGR", "region-vastmanland", "Region Västmanland");

    private static final Pattern URL = Pattern.compile("https?://[^\\s)]+");

    @LocalServerPort
    int port;

    // ---- the bundles against real-bodies.md ----------------------------------------------------------------

    @Test
    void everyShippedRealBodyPartySeatAndDateTracesToARowOfRealBodiesMd() throws IOException {
        Map<String, MdRow> rows = realBodiesRows();
        Map<String, String> names = municipalityNames();
        List<String> problems = new ArrayList<>();
        Set<String> shipped = new TreeSet<>();
        for (String bundle : List.of("vastra-gotaland", "public-sources")) {
            Map<String, List<CSVRecord>> partiesByBody = new HashMap<>();
            csv("bundles/" + bundle + "/parties.csv").forEach(p -> partiesByBody.computeIfAbsent(p.get("body_id"),
                    k -> new ArrayList<>()).add(p));
            for (CSVRecord body : csv("bundles/" + bundle + "/bodies.csv")) {
                String id = body.get("id");
                shipped.add(id);
                if (FROM_THE_SEEDS.contains(id)) {
                    assertThat(body.get("source")).as(id).startsWith("Göteborgsregionen (GR): [Förstudie:");
                    continue;
                }
                Trace trace = TRACES.get(id);
                if (trace == null) {
                    problems.add(id + ": no row of real-bodies.md is named for it in this test");
                    continue;
                }
                MdRow row = rows.get(trace.title());
                if (row == null) {
                    problems.add(id + ": real-bodies.md has no row '" + trace.title() + "'");
                    continue;
                }
                if (row.status() != null && !row.status().contains("V") && !row.status().contains("P")) {
                    problems.add(id + ": its row is marked " + row.status() + ", not V or P");
                }
                if (trace.namedInRow() && !namedIn(fold(row.text()), fold(body.get("name")))) {
                    problems.add(id + ": '" + body.get("name") + "' is not in its row");
                }
                checkUrls(id, body.get("source"), row, problems);
                checkYears(id, body.get("valid_from"), body.get("valid_to"), row, problems);
                String seat = body.get("seat_code");
                if (!seat.isEmpty()) {
                    if (SUPPLIED_SEATS.contains(id)) {
                        assertThat(body.get("source")).as(id + " cites the supplied bundle for its seat").contains(SUPPLIED);
                    } else if (!stated(row.cell("Seat"), names.get(seat))) {
                        problems.add(id + ": seat " + names.get(seat) + " is not stated in its row's seat column");
                    }
                }
                for (CSVRecord party : partiesByBody.getOrDefault(id, List.of())) {
                    String who = party.get("party");
                    String name = names.containsKey(who) ? names.get(who) : ACTOR_NAMES.get(who);
                    String what = id + " " + who + " (" + name + ", " + party.get("role") + ")";
                    if (SUPPLIED_MEMBERS.contains(id + " " + who)) {
                        assertThat(party.get("source")).as(what + " cites the supplied bundle").contains(SUPPLIED);
                    } else if (name == null || !stated(row.text(), name)) {
                        problems.add(what + ": not stated (or only inferred) in its row");
                    }
                    checkUrls(what, party.get("source"), row, problems);
                    checkYears(what, party.get("valid_from"), party.get("valid_to"), row, problems);
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(shipped).containsAll(TRACES.keySet());
        // Nothing marked I is shipped: Medelpads Räddningstjänstförbund is the compilation's one I row.
        List<String> inferred = rows.values().stream().filter(r -> "I".equals(r.status())).map(MdRow::title).toList();
        assertThat(inferred).contains("Medelpads Räddningstjänstförbund");
        assertThat(TRACES.values().stream().map(Trace::title)).doesNotContainAnyElementsOf(inferred);
    }

    /** Every address a row cites is one its real-bodies.md row gives (or, for "same", the row above). */
    private static void checkUrls(String what, String source, MdRow row, List<String> problems) {
        Matcher m = URL.matcher(source);
        while (m.find()) {
            String url = m.group();
            if (!row.text().contains(url) && (row.previous() == null || !row.sourceSame() || !row.previous().text().contains(url))) {
                problems.add(what + ": " + url + " is not an address of its row");
            }
        }
        if (source.isBlank()) {
            problems.add(what + ": no source");
        }
    }

    /** A given date's year is in the row (an end date may be the day after the year the row names). */
    private static void checkYears(String what, String from, String to, MdRow row, List<String> problems) {
        if (!from.isEmpty() && !row.text().contains(from.substring(0, 4))) {
            problems.add(what + ": valid_from " + from + " is not a year of its row");
        }
        if (!to.isEmpty() && !row.text().contains(to.substring(0, 4))
                && !row.text().contains(String.valueOf(LocalDate.parse(to).minusDays(1).getYear()))) {
            problems.add(what + ": valid_to " + to + " is not a year of its row");
        }
    }

    /** Named at least once in the text other than as an inference ("X (I)", "X (I;", "X, I)", "probably X"). */
    private static boolean stated(String text, String name) {
        if (text == null) {
            return false;
        }
        Pattern inferred = Pattern.compile("^\\s*\\(I[;)]|^, I\\)");
        for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
            boolean probably = text.substring(0, at).endsWith("probably ");
            if (!probably && !inferred.matcher(text.substring(at + name.length())).find()) {
                return true;
            }
        }
        return false;
    }

    /** Every word of the body's name (longer than two letters) is in the row: "Göteborgsregionen (GR)" in "Göteborgsregionens kommunalförbund (GR)". */
    private static boolean namedIn(String row, String name) {
        for (String word : name.split(" ")) {
            if (word.length() > 2 && !row.contains(word)) {
                return false;
            }
        }
        return true;
    }

    // ---- what a user sees ----------------------------------------------------------------------------------

    @Test
    void everySourceAUserSeesIsAReadableCitation() {
        var api = new ApiClient(port);
        Pattern unreadable = Pattern.compile("(?i)\\bseeds? ?\\d|\\bl\\.\\d");
        JsonNode sources = api.get("/api/sources").json();
        assertThat(sources.get("withoutSource")).as("facts without a source").isEmpty();
        sources.get("sources").forEach(s -> {
            assertThat(s.get("text").asString()).as("a source").doesNotContainPattern(unreadable);
            assertThat(s.get("facts").asLong()).isPositive();
        });
        api.get("/api/areas").json().forEach(a -> assertThat(a.get("source").asString())
                .as("source of area " + a.get("id").asString()).isNotBlank().doesNotContainPattern(unreadable));
        JsonNode bodies = api.get("/api/bodies?limit=5000").json();
        assertThat(bodies.size()).isEqualTo(86);
        for (JsonNode summary : bodies) {
            JsonNode body = api.get("/api/bodies/" + summary.get("id").asString()).json();
            assertThat(body.get("sources")).as("sources of " + summary.get("id").asString()).isNotEmpty();
            body.get("sources").forEach(s -> assertThat(s.get("text").asString()).doesNotContainPattern(unreadable));
            body.get("parties").forEach(p -> {
                if (!p.get("source").isNull()) {
                    assertThat(p.get("source").asString()).doesNotContainPattern(unreadable);
                }
            });
        }
        // a real citation comes apart into publisher and title, address and read date
        JsonNode nerikes = api.get("/api/bodies/fed-nerikes-brandkar").json().get("sources");
        assertThat(nerikes.get(0).get("label").asString()).isEqualTo("Nerikes Brandkår: Organisation");
        assertThat(nerikes.get(0).get("url").asString()).isEqualTo("https://nerikesbrandkar.se/omoss/verksamhet/organisation/");
        assertThat(nerikes.get(0).get("read").asString()).isEqualTo("2026-12-02");
    }

    /**
     * Counted from the CSV files by hand: bodies 8 + 21 + 57 = 86; party rows 128 (VG: 131 rows, 3 of them
     * CONVENER) + 107 + 423 (illustrative: 445, 22 CONVENER) = 658; conveners 3 + 22; links 11; actors 2 + 3
     * + 3; goals 8; coverage 15; service areas 33: 844 facts. The illustrative ones (docs/illustrative-data.md):
     * 57 + 423 + 22 + 11 + 3 + 8 + 15 = 539.
     */
    @Test
    void theSourcesCatalogueCountsEveryFactOnceAndEachSourceItsShare() {
        var api = new ApiClient(port);
        JsonNode all = api.get("/api/sources").json();
        assertThat(all.get("facts").asLong()).isEqualTo(844);
        assertThat(all.get("count").asInt()).isEqualTo(all.get("sources").size());
        JsonNode illustrative = all.get("sources").get(0);
        assertThat(illustrative.get("illustrative").asBoolean()).isTrue();
        assertThat(illustrative.get("facts").asLong()).isEqualTo(539);
        assertThat(illustrative.get("counts").toString()).isEqualTo(
                "{\"bodies\":57,\"parties\":423,\"conveners\":22,\"links\":11,\"actors\":3,\"goals\":8,\"coverage\":15}");
        // Nerikes Brandkår's two pages: the body row and its nine party rows each
        all.get("sources").forEach(s -> {
            if (s.get("label").asString().startsWith("Nerikes Brandkår:")) {
                assertThat(s.get("counts").toString()).isEqualTo("{\"bodies\":1,\"parties\":9}");
            }
        });
        JsonNode real = api.get("/api/sources?illustrative=false").json();
        assertThat(real.get("facts").asLong()).isEqualTo(844 - 539);
        real.get("sources").forEach(s -> assertThat(s.get("illustrative").asBoolean()).isFalse());
    }

    // ---- dated histories, as of a date -----------------------------------------------------------------------

    @Test
    void datedHistoriesHoldAsOfADate() {
        var api = new ApiClient(port);
        assertThat(bodyIds(api, "1864", "2019-06-01")).as("Ljusnarsberg, 2019").contains("fed-nerikes-brandkar");
        assertThat(bodyIds(api, "1864", "2017-06-01")).as("Ljusnarsberg, 2017").doesNotContain("fed-nerikes-brandkar");
        assertThat(bodyIds(api, "1419", "2023-06-01")).as("Tjörn, 2023").contains("fed-rsg").doesNotContain("fed-sbrf");
        assertThat(bodyIds(api, "1419", "2022-06-01")).as("Tjörn, 2022").contains("fed-sbrf").doesNotContain("fed-rsg");
        assertThat(api.get("/api/bodies/fed-sbrf?asOf=2022-06-01").json().get("active").asBoolean()).isTrue();
        assertThat(api.get("/api/bodies/fed-sbrf?asOf=2023-06-01").json().get("active").asBoolean()).isFalse();
        assertThat(api.get("/api/bodies/fed-sbrf").json().get("validTo").asString()).isEqualTo("2023-01-01");
        // Nerikes Brandkår grew from four members in 1998 to nine in 2018
        assertThat(activeMembers(api, "fed-nerikes-brandkar", "1998-06-01")).containsExactly("1814", "1861", "1880", "1881");
        assertThat(activeMembers(api, "fed-nerikes-brandkar", "2010-06-01")).hasSize(8);
        assertThat(activeMembers(api, "fed-nerikes-brandkar", "2019-06-01")).hasSize(9);
        // Mälardalen: the predecessor until 2020, the six from 2021
        assertThat(bodyIds(api, "1961", "2020-06-01")).contains("fed-mbr").doesNotContain("fed-rtmd");
        assertThat(bodyIds(api, "1961", "2003-06-01")).doesNotContain("fed-mbr");
        assertThat(bodyIds(api, "1984", "2021-06-01")).contains("fed-rtmd");
        // Umeå hosts its region's rescue committee
        JsonNode umea = api.get("/api/municipalities/2480").json().get("bodies");
        assertThat(umea).anySatisfy(b -> {
            assertThat(b.get("id").asString()).isEqualTo("gn-umearegionen-brand");
            assertThat(b.get("role").asString()).isEqualTo("HOST");
            assertThat(b.get("illustrative").asBoolean()).isFalse();
        });
    }

    @Test
    void bodiesAreFoundByNameIgnoringCaseAndDiacritics() {
        var api = new ApiClient(port);
        assertThat(ids(api.get("/api/bodies?q=NERIKES%20brandkar").json())).containsExactly("fed-nerikes-brandkar");
        assertThat(ids(api.get("/api/bodies?q=raddningstjansten%20s").json()))
                .containsExactly("fed-rsnv", "fed-rsg", "fed-rsyd");
        assertThat(ids(api.get("/api/bodies?q=%C3%B6verf%C3%B6rmyndar").json()))
                .contains("gn-overformyndare-varmdo-vaxholm", "avt-overformyndare-nacka-varmdo-vaxholm");
        assertThat(ids(api.get("/api/bodies?q=fed-sb").json())).as("by id").containsExactly("fed-sbff", "fed-sbrf");
        JsonNode sbrf = api.get("/api/bodies?q=s%C3%B6dra%20bohusl%C3%A4n&asOf=2023-06-01").json().get(0);
        assertThat(sbrf.get("active").asBoolean()).isFalse();
        assertThat(api.get("/api/bodies?q=zzzz").json()).isEmpty();
        assertThat(api.get("/api/bodies?limit=2").json()).hasSize(2);
        assertThat(api.get("/api/bodies?limit=0").status()).isEqualTo(400);
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(b -> ids.add(b.get("id").asString()));
        return ids;
    }

    private static List<String> bodyIds(ApiClient api, String code, String asOf) {
        return ids(api.get("/api/municipalities/" + code + "?asOf=" + asOf).json().get("bodies"));
    }

    private static List<String> activeMembers(ApiClient api, String body, String asOf) {
        List<String> codes = new ArrayList<>();
        api.get("/api/bodies/" + body + "?asOf=" + asOf).json().get("parties").forEach(p -> {
            if (p.get("active").asBoolean()) {
                codes.add(p.get("party").asString());
            }
        });
        return codes.stream().sorted().toList();
    }

    // ---- reading the files -----------------------------------------------------------------------------------

    /** A table row of real-bodies.md with its table's header, and the row above it in the same table. */
    private record MdRow(String title, List<String> header, List<String> cells, String text, MdRow previous) {

        String cell(String headerStart) {
            for (int i = 0; i < header.size() && i < cells.size(); i++) {
                if (header.get(i).startsWith(headerStart)) {
                    return cells.get(i);
                }
            }
            return null;
        }

        String status() {
            return cell("Status");
        }

        boolean sourceSame() {
            return "same".equals(cell("Source"));
        }
    }

    private static Map<String, MdRow> realBodiesRows() throws IOException {
        Map<String, MdRow> rows = new LinkedHashMap<>();
        List<String> header = null;
        MdRow previous = null;
        for (String line : Files.readAllLines(Path.of("docs/sources/real-bodies.md"), StandardCharsets.UTF_8)) {
            if (!line.startsWith("|")) {
                header = null;
                previous = null;
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (String cell : line.substring(1, line.length() - 1).split("\\|")) {
                cells.add(cell.strip());
            }
            if (header == null) {
                header = cells;
            } else if (!cells.getFirst().startsWith("---")) {
                String title = cells.getFirst().replace("**", "");
                MdRow row = new MdRow(title, header, cells, line, previous);
                rows.put(title, row);
                previous = row;
            }
        }
        return rows;
    }

    private static Map<String, String> municipalityNames() throws IOException {
        Map<String, String> names = new HashMap<>();
        csv("reference/municipalities.csv").forEach(r -> names.put(r.get("municipality_code"), r.get("municipality_name_short")));
        return names;
    }

    private static List<CSVRecord> csv(String resource) throws IOException {
        String text = new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8);
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text)).getRecords();
    }

    private static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9 ]", " ").replaceAll(" +", " ").strip();
    }
}
