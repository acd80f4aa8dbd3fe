package se.samverkansvaven.analysis.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;
import se.samverkansvaven.analysis.CentralityAnalysis;
import se.samverkansvaven.analysis.data.CooperationData;
import se.samverkansvaven.analysis.data.CooperationData.BodyInfo;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.body.PartyRole;

/**
 * The benchmark's scenario runs (issue 19: a scenario of 10 changes at S, warm, under 100 ms): the changes are
 * drawn from the date's data (seed 1), each kept only when the rules accept it, so the 10 are valid; the date's
 * data and its "before" side are warm (as the API holds them in {@code AnalysisCache}), and every run applies the
 * changes and computes the "after" side of the comparison anew, as a scenario never seen before costs.
 */
public final class ScenarioBench {

    private ScenarioBench() {}

    public static Map<String, Supplier<Object>> runs(CooperationData data, String hub) {
        List<Change> changes = tenChanges(data);
        String county = data.municipalities().get(hub).countyCode();
        SortedSet<String> scope = new TreeSet<>();
        data.municipalities().values().stream().filter(p -> p.countyCode().equals(county)).forEach(p -> scope.add(p.code()));
        var comparison = new ScenarioComparison(new CentralityAnalysis());
        Map<Object, Object> beforeSide = new HashMap<>();
        var tag = new CooperationData.ScenarioTag(null, "bench", changes.size(), "bench");
        Map<String, Object> described = Map.of("name", "bench");
        ScenarioComparison.Cache cache = new ScenarioComparison.Cache() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T get(CooperationData d, Object key, Supplier<T> compute) {
                // the before side is kept (warm, as the API's cache holds it); the after side is computed every run
                return d.scenario() == null ? (T) beforeSide.computeIfAbsent(key, k -> compute.get()) : compute.get();
            }
        };
        Map<String, Supplier<Object>> runs = new LinkedHashMap<>();
        runs.put("scenario_apply_10", () -> ScenarioData.apply(data, changes, tag));
        runs.put("scenario_compare_10", () -> {
            var applied = ScenarioData.apply(data, changes, tag);
            var resolved = new Scenarios.Resolved(null, "bench", data.asOf(), changes, data, applied.data());
            return comparison.compare(data, applied.data(), described, new ScenarioComparison.Query(
                    resolved.municipalitiesNamed(), "county:" + county, scope, Form.DEFAULT_ANALYSIS_FORMS,
                    resolved.areasTouched()), cache);
        });
        return runs;
    }

    /** The date's data with the bench scenario's ten changes applied (what an analysis with the scenario reads). */
    public static CooperationData after(CooperationData data) {
        List<Change> changes = tenChanges(data);
        return ScenarioData.apply(data, changes, new CooperationData.ScenarioTag(null, "bench", changes.size(), "bench"))
                .data();
    }

    /** Ten changes of every kind that the rules accept, drawn with seed 1: joins, leaves, hand-overs, starts, ends. */
    static List<Change> tenChanges(CooperationData data) {
        Random random = new Random(1);
        List<BodyInfo> bodies = data.bodies().values().stream()
                .filter(b -> Form.DEFAULT_ANALYSIS_FORMS.contains(b.form())).toList();
        List<String> codes = List.copyOf(data.municipalities().keySet());
        List<String> areas = List.copyOf(data.areas().keySet());
        List<Change> kept = new ArrayList<>();
        for (int attempt = 0; kept.size() < 10 && attempt < 10_000; attempt++) {
            int number = kept.size() + 1;
            BodyInfo b = bodies.get(random.nextInt(bodies.size()));
            String m = codes.get(random.nextInt(codes.size()));
            Change c = switch (number % 5) {
                case 1 -> new Change(number, Change.Type.JOIN, b.id(), null, m, b.form().partyRoles().contains(PartyRole.MEMBER)
                        ? PartyRole.MEMBER : PartyRole.PARTICIPANT, data.asOf());
                case 2 -> b.parties().isEmpty() ? null : new Change(number, Change.Type.LEAVE, b.id(), null,
                        b.parties().get(random.nextInt(b.parties().size())).partyId(), null, data.asOf());
                case 3 -> new Change(number, Change.Type.HOST, b.id(), null, m, null, data.asOf());
                case 4 -> new Change(number, Change.Type.START, "scenario-" + number, new Change.NewBody("Bench " + number,
                        Form.AGREEMENT, List.of(areas.get(random.nextInt(areas.size()))),
                        List.of(new Change.NewParty(m, PartyRole.HOST),
                                new Change.NewParty(codes.get(random.nextInt(codes.size())), PartyRole.PARTICIPANT))),
                        null, null, data.asOf());
                default -> new Change(number, Change.Type.END, b.id(), null, null, null, data.asOf());
            };
            if (c == null) {
                continue;
            }
            List<Change> trial = new ArrayList<>(kept);
            trial.add(c);
            if (ScenarioData.apply(data, trial, null).problems().isEmpty()) {
                kept.add(c);
            }
        }
        return List.copyOf(kept);
    }
}
