package se.samverkansvaven.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import se.samverkansvaven.analysis.data.CooperationData.ActorInfo;
import se.samverkansvaven.analysis.data.CooperationData.AreaInfo;
import se.samverkansvaven.analysis.data.CooperationData.BodyInfo;
import se.samverkansvaven.analysis.data.CooperationData.CoverageInfo;
import se.samverkansvaven.analysis.data.CooperationData.NetworkLink;
import se.samverkansvaven.analysis.data.CooperationData.PartyInfo;
import se.samverkansvaven.analysis.data.CooperationData.PartyType;
import se.samverkansvaven.analysis.data.CooperationData.Place;
import se.samverkansvaven.analysis.data.CooperationData;
import se.samverkansvaven.body.ActorKind;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.body.Level;
import se.samverkansvaven.body.LinkKind;
import se.samverkansvaven.body.PartyRole;

/**
 * Builds small {@link CooperationData} by hand for the analysis tests. Everything added is "active on the
 * date" (CooperationData only ever holds active things). Municipalities default to name "M" + code and a
 * centroid at (57.0, 12.0); give lat explicitly where a test needs distances (along one meridian a
 * degree of latitude is 6371·π/180 = 111.19492664 km).
 *
 * <p>Coverage (domain.md item 8): unless a test declares coverage rows ({@link #covered}), every municipality is
 * covered for every form by one real row, so the analyses answer as they did before coverage existed ("fully
 * covered data gives the old values").
 */
final class AnalysisTestData {

    static final LocalDate AS_OF = LocalDate.of(2026, 1, 1);

    private final SortedMapBuilder<Place> municipalities = new SortedMapBuilder<>();
    private final List<String[]> borders = new ArrayList<>();
    private final SortedMapBuilder<ActorInfo> actors = new SortedMapBuilder<>();
    private final SortedMapBuilder<AreaInfo> areas = new SortedMapBuilder<>();
    private final Map<String, BodyBuilder> bodies = new LinkedHashMap<>();
    private final List<NetworkLink> links = new ArrayList<>();
    private final List<CoverageInfo> coverage = new ArrayList<>();
    private boolean coverageDeclared;

    static AnalysisTestData data() {
        return new AnalysisTestData();
    }

    AnalysisTestData municipality(String code, String name, double lat, double lon) {
        municipalities.put(code, new Place(code, name, "14", lat, lon, null));
        return this;
    }

    AnalysisTestData municipality(String code, double lat) {
        return municipality(code, "M" + code, lat, 12.0);
    }

    AnalysisTestData municipalities(String... codes) {
        for (String code : codes) {
            municipality(code, "M" + code, 57.0, 12.0);
        }
        return this;
    }

    AnalysisTestData borders(String a, String b) {
        borders.add(new String[] {a, b});
        return this;
    }

    AnalysisTestData region(String id, String name) {
        actors.put(id, new ActorInfo(id, ActorKind.REGION, name));
        return this;
    }

    AnalysisTestData actor(String id, ActorKind kind) {
        actors.put(id, new ActorInfo(id, kind, id.toUpperCase()));
        return this;
    }

    AnalysisTestData area(String id, String sector) {
        areas.put(id, new AreaInfo(id, sector, id + "-sv", id + "-en"));
        return this;
    }

    AnalysisTestData body(String id, Form form, Consumer<BodyBuilder> spec) {
        BodyBuilder builder = new BodyBuilder(id, form);
        spec.accept(builder);
        bodies.put(id, builder);
        return this;
    }

    AnalysisTestData link(String a, String b) {
        links.add(a.compareTo(b) < 0 ? new NetworkLink(a, b, LinkKind.LIAISON) : new NetworkLink(b, a, LinkKind.LIAISON));
        return this;
    }

    /** A real coverage row for {@code code} and these forms (none: every form); from then on only declared rows. */
    AnalysisTestData covered(String code, Form... forms) {
        return coverage(code, false, forms);
    }

    /** An illustrative coverage row. */
    AnalysisTestData coveredIllustrative(String code, Form... forms) {
        return coverage(code, true, forms);
    }

    /** No municipality is covered (unless rows are declared). */
    AnalysisTestData noCoverage() {
        coverageDeclared = true;
        return this;
    }

    private AnalysisTestData coverage(String code, boolean illustrative, Form... forms) {
        coverageDeclared = true;
        coverage.add(new CoverageInfo(code, java.util.Set.of(forms), AS_OF.minusYears(1), null,
                illustrative ? "illustrative" : "test", illustrative));
        return this;
    }

    CooperationData build() {
        Graph<String, DefaultEdge> borderGraph = new SimpleGraph<>(DefaultEdge.class);
        municipalities.map.keySet().forEach(borderGraph::addVertex);
        for (String[] pair : borders) {
            if (!borderGraph.containsVertex(pair[0]) || !borderGraph.containsVertex(pair[1])) {
                throw new IllegalStateException("border between unknown municipalities " + pair[0] + "-" + pair[1]);
            }
            borderGraph.addEdge(pair[0], pair[1]);
        }
        TreeMap<String, BodyInfo> built = new TreeMap<>();
        bodies.forEach((id, b) -> built.put(id, b.build(this)));
        List<CoverageInfo> rows = coverageDeclared ? coverage : municipalities.map.keySet().stream()
                .map(code -> new CoverageInfo(code, java.util.Set.of(), AS_OF.minusYears(1), null, "test", false))
                .toList();
        return new CooperationData(AS_OF, municipalities.map, borderGraph, actors.map, built, List.copyOf(links),
                areas.map, CooperationData.coverageByMunicipality(rows), true);
    }

    private PartyType typeOf(String id) {
        if (CooperationData.isMunicipalityCode(id)) {
            return PartyType.MUNICIPALITY;
        }
        if (actors.map.containsKey(id)) {
            return PartyType.ACTOR;
        }
        if (bodies.containsKey(id)) {
            return PartyType.BODY;
        }
        throw new IllegalStateException("unknown party " + id);
    }

    /** One body; the sectors are derived like the projection does: sectors of its areas plus its own. */
    static final class BodyBuilder {
        private final String id;
        private final Form form;
        private String name;
        private String sector;
        private Level level;
        private String seat;
        private boolean illustrative;
        private final SortedSet<String> areaIds = new TreeSet<>();
        private final SortedSet<String> conveners = new TreeSet<>();
        private final SortedSet<String> goals = new TreeSet<>();
        private final List<String[]> parties = new ArrayList<>();

        private BodyBuilder(String id, Form form) {
            this.id = id;
            this.form = form;
            this.name = "Body " + id;
        }

        BodyBuilder name(String value) { name = value; return this; }
        BodyBuilder grid(String sectorId, Level lvl) { sector = sectorId; level = lvl; return this; }
        BodyBuilder seat(String code) { seat = code; return this; }
        BodyBuilder illustrative() { illustrative = true; return this; }
        BodyBuilder areas(String... ids) { areaIds.addAll(List.of(ids)); return this; }
        BodyBuilder conveners(String... ids) { conveners.addAll(List.of(ids)); return this; }
        BodyBuilder goals(String... ids) { goals.addAll(List.of(ids)); return this; }
        BodyBuilder host(String party) { parties.add(new String[] {party, PartyRole.HOST.name()}); return this; }

        BodyBuilder members(String... ids) {
            for (String p : ids) {
                parties.add(new String[] {p, PartyRole.MEMBER.name()});
            }
            return this;
        }

        BodyBuilder participants(String... ids) {
            for (String p : ids) {
                parties.add(new String[] {p, PartyRole.PARTICIPANT.name()});
            }
            return this;
        }

        private BodyInfo build(AnalysisTestData data) {
            SortedSet<String> sectors = new TreeSet<>();
            for (String area : areaIds) {
                AreaInfo info = data.areas.map.get(area);
                if (info == null) {
                    throw new IllegalStateException("unknown area " + area + " in body " + id);
                }
                sectors.add(info.sector());
            }
            if (sector != null) {
                sectors.add(sector);
            }
            List<PartyInfo> partyInfos = new ArrayList<>();
            for (String[] p : parties) {
                partyInfos.add(new PartyInfo(p[0], data.typeOf(p[0]), PartyRole.valueOf(p[1])));
            }
            return new BodyInfo(id, form, name, sector, level, areaIds, sectors, seat, List.copyOf(partyInfos),
                    conveners, goals, illustrative);
        }
    }

    private static final class SortedMapBuilder<V> {
        final TreeMap<String, V> map = new TreeMap<>();

        void put(String key, V value) {
            map.put(key, value);
        }
    }
}
