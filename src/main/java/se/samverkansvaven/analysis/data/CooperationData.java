package se.samverkansvaven.analysis.data;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import se.samverkansvaven.body.ActorKind;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.body.Level;
import se.samverkansvaven.body.LinkKind;
import se.samverkansvaven.body.PartyRole;

/**
 * Everything the analyses read, as the graph stood on one date: immutable and free of Neo4j, so every
 * analysis is a plain function of it. Only what is active on {@code asOf} is here: bodies active on the
 * date, and of those only the party rows, conveners and links that are active too.
 *
 * @param municipalities every municipality by code, also those with no cooperation on the date
 * @param borders        BORDERS as an undirected graph; every municipality is a vertex
 * @param actors         non-municipal actors by id
 * @param bodies         bodies active on the date, every form, by id
 * @param links          LINKED_WITH relationships active on the date between active networks
 * @param areas          the service-area catalogue by id
 * @param coverage       the coverage rows active on the date (domain.md item 8), by municipality code
 * @param illustrativeIncluded false when this is the date "as if the illustrative rows were not loaded"
 *                       ({@link #withoutIllustrative()}); no analysis reads it, the caches key on it
 * @param scenario       null for the graph of record; else the scenario whose hypothetical changes were applied
 *                       in memory ({@code analysis.scenario.ScenarioData}); no analysis reads it, the caches key on
 *                       its digest, so a scenario's results never mix with the graph of record's
 */
public record CooperationData(
        LocalDate asOf,
        SortedMap<String, Place> municipalities,
        Graph<String, DefaultEdge> borders,
        SortedMap<String, ActorInfo> actors,
        SortedMap<String, BodyInfo> bodies,
        List<NetworkLink> links,
        SortedMap<String, AreaInfo> areas,
        SortedMap<String, List<CoverageInfo>> coverage,
        boolean illustrativeIncluded,
        ScenarioTag scenario) {

    /**
     * Which scenario a date's data shows: its id (null for an unsaved one), name, number of changes, and the digest
     * of the changes (what the caches key on: equal changes give equal data whatever the scenario is called).
     */
    public record ScenarioTag(String id, String name, int changes, String digest) {}

    /** The graph of record's data of a date (no scenario applied). */
    public CooperationData(LocalDate asOf, SortedMap<String, Place> municipalities, Graph<String, DefaultEdge> borders,
                           SortedMap<String, ActorInfo> actors, SortedMap<String, BodyInfo> bodies,
                           List<NetworkLink> links, SortedMap<String, AreaInfo> areas,
                           SortedMap<String, List<CoverageInfo>> coverage, boolean illustrativeIncluded) {
        this(asOf, municipalities, borders, actors, bodies, links, areas, coverage, illustrativeIncluded, null);
    }

    /** The same date with other bodies (what-if analyses: the exit impact's after-state). */
    public CooperationData withBodies(SortedMap<String, BodyInfo> replaced) {
        return new CooperationData(asOf, municipalities, borders, actors, replaced, links, areas, coverage,
                illustrativeIncluded, scenario);
    }

    /**
     * The same date with other bodies and links, marked as scenario {@code digest}: what a scenario's changes
     * make of the date ({@code analysis.scenario.ScenarioData}).
     */
    public CooperationData withScenario(ScenarioTag tag, SortedMap<String, BodyInfo> replaced,
                                        List<NetworkLink> replacedLinks) {
        return new CooperationData(asOf, municipalities, borders, actors, replaced, replacedLinks, areas, coverage,
                illustrativeIncluded, tag);
    }

    /** The same data under another scenario's name (equal changes, another id or name). */
    public CooperationData withTag(ScenarioTag tag) {
        return new CooperationData(asOf, municipalities, borders, actors, bodies, links, areas, coverage,
                illustrativeIncluded, tag);
    }

    /**
     * What caches key a value derived from this data on, besides the date: the illustrative switch and the
     * scenario, so neither can be answered from the other's entries.
     */
    public List<Object> variant() {
        return List.of(illustrativeIncluded, scenario == null ? "" : scenario.digest());
    }

    /** A municipality with its centroid; population is optional input. */
    public record Place(String code, String name, String countyCode, double lat, double lon, Integer population) {}

    /** @param illustrative the actor's source is 'illustrative' */
    public record ActorInfo(String id, ActorKind kind, String name, boolean illustrative) {
        public ActorInfo(String id, ActorKind kind, String name) {
            this(id, kind, name, false);
        }
    }

    public record AreaInfo(String id, String sector, String nameSv, String nameEn) {}

    /** What a party of a body is: a municipality (4-digit code), an actor, or a body (a network in an initiative). */
    public enum PartyType { MUNICIPALITY, ACTOR, BODY }

    /** One active PARTY_TO row; illustrative when the row's source is 'illustrative'. */
    public record PartyInfo(String partyId, PartyType type, PartyRole role, boolean illustrative) {
        public PartyInfo(String partyId, PartyType type, PartyRole role) {
            this(partyId, type, role, false);
        }
    }

    /**
     * An active body.
     *
     * @param sector    the network's own sector (networks only; may be set on others)
     * @param level     the network's level (networks only)
     * @param areas     the service areas it covers
     * @param sectors   the sectors of its areas, plus its own sector where it has one
     * @param seatCode  a federation's säte, else null
     * @param parties   party rows active on the date (at most one per party)
     * @param conveners ids or codes of who convenes it (networks and initiatives), active on the date
     * @param goals     goal ids it works on
     */
    public record BodyInfo(
            String id,
            Form form,
            String name,
            String sector,
            Level level,
            SortedSet<String> areas,
            SortedSet<String> sectors,
            String seatCode,
            List<PartyInfo> parties,
            SortedSet<String> conveners,
            SortedSet<String> goals,
            boolean illustrative,
            SortedSet<String> illustrativeConveners,
            SortedSet<String> illustrativeGoals) {

        /** A body whose conveners and goals are all real (hand-built data, what-if copies of real rows). */
        public BodyInfo(String id, Form form, String name, String sector, Level level, SortedSet<String> areas,
                        SortedSet<String> sectors, String seatCode, List<PartyInfo> parties,
                        SortedSet<String> conveners, SortedSet<String> goals, boolean illustrative) {
            this(id, form, name, sector, level, areas, sectors, seatCode, parties, conveners, goals, illustrative,
                    new TreeSet<>(), new TreeSet<>());
        }

        /** The same body with other party rows (its other rows kept). */
        public BodyInfo withParties(List<PartyInfo> replaced) {
            return new BodyInfo(id, form, name, sector, level, areas, sectors, seatCode, replaced, conveners, goals,
                    illustrative, illustrativeConveners, illustrativeGoals);
        }

        /** Whether the body or one of its active party rows is illustrative: something about it is invented. */
        public boolean restsOnIllustrative() {
            if (illustrative) {
                return true;
            }
            for (PartyInfo party : parties) { // a loop, not a stream: asked for every body of every partner list
                if (party.illustrative()) {
                    return true;
                }
            }
            return false;
        }

        public Stream<PartyInfo> partiesWithRole(PartyRole role) {
            return parties.stream().filter(p -> p.role() == role);
        }

        /** The municipality or region hosting a joint committee or agreement on the date, else null. */
        public String host() {
            return partiesWithRole(PartyRole.HOST).map(PartyInfo::partyId).findFirst().orElse(null);
        }

        public boolean hasParty(String partyId) {
            return parties.stream().anyMatch(p -> p.partyId().equals(partyId));
        }
    }

    /** An active LINKED_WITH between two networks; a and b are in ascending order. */
    public record NetworkLink(String a, String b, LinkKind kind, boolean illustrative) {
        public NetworkLink(String a, String b, LinkKind kind) {
            this(a, b, kind, false);
        }
    }

    /**
     * One coverage row active on the date (domain.md item 8; docs/model.md {@code :Coverage}): "every body of
     * these forms that this municipality is party to is in the data".
     *
     * @param forms        the forms it speaks for; empty means every form
     * @param source       who says so: a citation, or {@code illustrative}
     * @param illustrative the row is illustrative
     */
    public record CoverageInfo(String municipality, Set<Form> forms, LocalDate validFrom, LocalDate validTo,
                               String source, boolean illustrative) {
        public CoverageInfo {
            forms = forms.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(forms));
        }

        public boolean includes(Form form) {
            return forms.isEmpty() || forms.contains(form);
        }
    }

    /**
     * Whether municipality {@code code} is covered for {@code forms} on the date (domain.md item 8): every form
     * asked is spoken for by an active coverage row of it (a row whose forms include it, or name none: every
     * form). One row naming all of them is item 8's wording; several rows between them say the same together,
     * which is how {@code coverage.Coverage} and {@code GET /api/coverage} read it too (docs/model.md), so an
     * analysis and the coverage API never disagree.
     */
    public boolean covered(String code, Set<Form> forms) {
        return covered(code, forms, row -> true);
    }

    /**
     * Whether {@code code} is covered for the forms only because of illustrative rows: covered, and not by its
     * real rows alone. Such a municipality's coverage "rests on an illustrative row".
     */
    public boolean coveredOnlyByIllustrative(String code, Set<Form> forms) {
        return covered(code, forms) && !covered(code, forms, row -> !row.illustrative());
    }

    private boolean covered(String code, Set<Form> forms, Predicate<CoverageInfo> counted) {
        List<CoverageInfo> rows = coverage.getOrDefault(code, List.of());
        if (rows.isEmpty()) {
            return false;
        }
        for (Form form : forms.isEmpty() ? EnumSet.allOf(Form.class) : forms) {
            if (rows.stream().noneMatch(r -> counted.test(r) && r.includes(form))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The date as if the illustrative rows had not been loaded (issue 14, {@code illustrative=false}): bodies,
     * actors, party rows, conveners, goals, links and coverage rows marked illustrative are dropped, and with a
     * body or an actor every row of it. What is left is exactly what the real rows say; a body left without an
     * active party stays (as a real body without parties would be read).
     */
    public CooperationData withoutIllustrative() {
        if (!illustrativeIncluded) {
            return this;
        }
        SortedMap<String, ActorInfo> realActors = new TreeMap<>();
        actors.forEach((id, a) -> {
            if (!a.illustrative()) {
                realActors.put(id, a);
            }
        });
        SortedMap<String, BodyInfo> realBodies = new TreeMap<>();
        for (BodyInfo b : bodies.values()) {
            if (b.illustrative()) {
                continue;
            }
            List<PartyInfo> parties = b.parties().stream()
                    .filter(p -> !p.illustrative() && switch (p.type()) {
                        case MUNICIPALITY -> true;
                        case ACTOR -> realActors.containsKey(p.partyId());
                        case BODY -> bodies.containsKey(p.partyId()) && !bodies.get(p.partyId()).illustrative();
                    })
                    .toList();
            SortedSet<String> conveners = new TreeSet<>(b.conveners());
            conveners.removeAll(b.illustrativeConveners());
            conveners.removeIf(c -> actors.containsKey(c) && actors.get(c).illustrative()
                    || bodies.containsKey(c) && bodies.get(c).illustrative());
            SortedSet<String> goals = new TreeSet<>(b.goals());
            goals.removeAll(b.illustrativeGoals());
            realBodies.put(b.id(), new BodyInfo(b.id(), b.form(), b.name(), b.sector(), b.level(), b.areas(),
                    b.sectors(), b.seatCode(), parties, conveners, goals, false));
        }
        List<NetworkLink> realLinks = links.stream()
                .filter(l -> !l.illustrative() && realBodies.containsKey(l.a()) && realBodies.containsKey(l.b()))
                .toList();
        SortedMap<String, List<CoverageInfo>> realCoverage = new TreeMap<>();
        coverage.forEach((code, rows) -> {
            List<CoverageInfo> real = rows.stream().filter(r -> !r.illustrative()).toList();
            if (!real.isEmpty()) {
                realCoverage.put(code, real);
            }
        });
        return new CooperationData(asOf, municipalities, borders, realActors, realBodies, realLinks, areas,
                realCoverage, false, scenario);
    }

    /** The coverage rows by municipality, for the record's constructor; rows in any order become sorted lists. */
    public static SortedMap<String, List<CoverageInfo>> coverageByMunicipality(List<CoverageInfo> rows) {
        SortedMap<String, List<CoverageInfo>> byCode = new TreeMap<>();
        for (CoverageInfo row : rows) {
            byCode.computeIfAbsent(row.municipality(), k -> new java.util.ArrayList<>()).add(row);
        }
        byCode.replaceAll((code, list) -> list.stream()
                .sorted(java.util.Comparator.comparing(CoverageInfo::validFrom).thenComparing(CoverageInfo::source)
                        .thenComparing(r -> r.forms().stream().sorted().toList().toString()))
                .toList());
        return byCode;
    }

    public static boolean isMunicipalityCode(String id) {
        return id.length() == 4 && id.chars().allMatch(Character::isDigit);
    }
}
