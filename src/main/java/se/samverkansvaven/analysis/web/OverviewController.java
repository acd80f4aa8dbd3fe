package se.samverkansvaven.analysis.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samverkansvaven.analysis.data.CooperationData.BodyInfo;
import se.samverkansvaven.analysis.data.CooperationData.PartyInfo;
import se.samverkansvaven.analysis.data.CooperationData.PartyType;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.body.Role;
import se.samverkansvaven.web.Today;
import se.samverkansvaven.analysis.data.AnalysisCache;
import se.samverkansvaven.analysis.data.CooperationData;
import se.samverkansvaven.analysis.AreaCoverage;

/**
 * One figure per municipality for the whole country, for the map page, and the federations active on the
 * date, for scope pickers. The figures use the definitions of the analyses (a body counts when it and the
 * municipality's row are active; host roles are HOST on joint committees and agreements; coverage as in
 * the gap analysis), so the map agrees with the other pages.
 */
@RestController
class OverviewController {

    private final AnalysisCache cache;
    private final Today today;

    OverviewController(AnalysisCache cache, Today today) {
        this.cache = cache;
        this.today = today;
    }

    /**
     * @param bodies      active bodies in the chosen forms the municipality is a party to (any role)
     * @param hostRoles   HOST on active joint committees and agreements (h of the host concentration, unfiltered)
     * @param seats       active federations seated in it
     * @param coversArea  whether it covers the requested area; null when no area was asked
     * @param illustrative how many of its counted bodies are illustrative
     */
    record MunicipalityFigures(String code, String name, String countyCode, int bodies, int hostRoles, int seats,
                               Boolean coversArea, int illustrative) {}

    record FederationRef(String id, String name, int members, boolean illustrative) {}

    /** @param illustrativeBodies active bodies of any form on the date whose source is 'illustrative' */
    record Overview(LocalDate asOf, List<Form> forms, String area, int illustrativeBodies,
                    List<MunicipalityFigures> municipalities, List<FederationRef> federations) {}

    @GetMapping("/api/analysis/overview")
    Overview overview(@RequestParam(required = false) String area,
                      @RequestParam(required = false) String forms,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        CooperationData data = cache.data(today.orDefault(asOf));
        AnalysisController.requireArea(data, area);
        Set<Form> chosen = FormsParameter.parse(forms);
        // Every page asks for this (the illustrative notice, scope pickers): kept until the graph changes.
        return cache.result(new OverviewKey(data.asOf(), chosen, Optional.ofNullable(area)), () -> overview(data, chosen, area));
    }

    private record OverviewKey(LocalDate asOf, Set<Form> forms, Optional<String> area) {}

    /** One pass over the bodies' party rows (not one per municipality: 290 × 3,000 bodies took seconds). */
    private static Overview overview(CooperationData data, Set<Form> chosen, String area) {
        Map<String, int[]> counts = new HashMap<>(); // code -> bodies, illustrative, host roles, seats
        data.municipalities().keySet().forEach(code -> counts.put(code, new int[4]));
        for (BodyInfo body : data.bodies().values()) {
            if (chosen.contains(body.form())) {
                Set<String> seen = new HashSet<>();
                for (PartyInfo party : body.parties()) {
                    int[] c = counts.get(party.partyId());
                    if (c != null && seen.add(party.partyId())) {
                        c[0]++;
                        if (body.illustrative()) {
                            c[1]++;
                        }
                    }
                }
            }
            if (body.form().requiresHost()) {
                int[] c = body.host() == null ? null : counts.get(body.host());
                if (c != null) {
                    c[2]++;
                }
            }
            if (body.form() == Form.FEDERATION && body.seatCode() != null && counts.containsKey(body.seatCode())) {
                counts.get(body.seatCode())[3]++;
            }
        }
        SortedMap<String, SortedSet<String>> coverage = area == null ? null : AreaCoverage.byParty(data.bodies().values(), chosen);
        List<MunicipalityFigures> figures = data.municipalities().values().stream().map(place -> {
            int[] c = counts.get(place.code());
            Boolean covers = area == null ? null : AreaCoverage.covers(coverage, place.code(), area);
            return new MunicipalityFigures(place.code(), place.name(), place.countyCode(), c[0], c[2], c[3], covers, c[1]);
        }).toList();
        List<FederationRef> federations = data.bodies().values().stream()
                .filter(b -> b.form() == Form.FEDERATION)
                .map(b -> new FederationRef(b.id(), b.name(), (int) b.partiesWithRole(Role.MEMBER)
                        .filter(p -> p.type() == PartyType.MUNICIPALITY).map(PartyInfo::partyId).distinct().count(),
                        b.illustrative()))
                .toList();
        int illustrativeBodies = (int) data.bodies().values().stream().filter(BodyInfo::illustrative).count();
        return new Overview(data.asOf(), chosen.stream().sorted().toList(), area, illustrativeBodies, figures,
                federations);
    }

    record NetworkNode(String id, String name, String sector, String level, List<String> conveners,
                       List<String> areas, boolean illustrative) {}

    /** A linked pair (a &lt; b) and what links it: LINKED_WITH kinds and shared initiatives. */
    record NetworkTie(String a, String b, List<String> links, List<String> initiatives) {}

    record NetworkGrid(LocalDate asOf, List<NetworkNode> networks, List<NetworkTie> ties) {}

    /**
     * The networks of the grid sector × level (analysis 4) and the pairs that are linked on the date, with
     * what links them: the existing links the network page draws next to the suggested ones.
     */
    @GetMapping("/api/analysis/network-grid")
    NetworkGrid networkGrid(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        CooperationData data = cache.data(today.orDefault(asOf));
        Map<String, BodyInfo> networks = new TreeMap<>();
        data.bodies().forEach((id, body) -> {
            if (body.form() == Form.NETWORK && body.sector() != null && body.level() != null) {
                networks.put(id, body);
            }
        });
        Map<List<String>, NetworkTie> ties = new TreeMap<>((x, y) -> {
            int c = x.get(0).compareTo(y.get(0));
            return c != 0 ? c : x.get(1).compareTo(y.get(1));
        });
        for (CooperationData.NetworkLink link : data.links()) {
            if (networks.containsKey(link.a()) && networks.containsKey(link.b()) && !link.a().equals(link.b())) {
                tie(ties, link.a(), link.b()).links().add(link.kind().name());
            }
        }
        for (BodyInfo initiative : data.bodies().values()) {
            if (initiative.form() != Form.INITIATIVE) {
                continue;
            }
            SortedSet<String> involved = new TreeSet<>();
            initiative.parties().stream()
                    .filter(p -> p.type() == PartyType.BODY && p.role() == Role.PARTICIPANT)
                    .map(PartyInfo::partyId).filter(networks::containsKey).forEach(involved::add);
            initiative.conveners().stream().filter(networks::containsKey).forEach(involved::add);
            List<String> list = List.copyOf(involved);
            for (int i = 0; i < list.size(); i++) {
                for (int j = i + 1; j < list.size(); j++) {
                    tie(ties, list.get(i), list.get(j)).initiatives().add(initiative.id());
                }
            }
        }
        List<NetworkNode> nodes = networks.values().stream()
                .map(n -> new NetworkNode(n.id(), n.name(), n.sector(), n.level().name(), List.copyOf(n.conveners()),
                        List.copyOf(n.areas()), n.illustrative()))
                .toList();
        return new NetworkGrid(data.asOf(), nodes, List.copyOf(ties.values()));
    }

    private static NetworkTie tie(Map<List<String>, NetworkTie> ties, String x, String y) {
        String a = x.compareTo(y) < 0 ? x : y;
        String b = x.compareTo(y) < 0 ? y : x;
        return ties.computeIfAbsent(List.of(a, b), k -> new NetworkTie(a, b, new ArrayList<>(), new ArrayList<>()));
    }
}
