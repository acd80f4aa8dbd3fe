package se.samverkansvaven.analysis;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import se.samverkansvaven.analysis.data.CooperationData.BodyInfo;
import se.samverkansvaven.analysis.data.CooperationData.PartyInfo;
import se.samverkansvaven.analysis.data.CooperationData.PartyType;
import se.samverkansvaven.analysis.data.CooperationData;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.body.PartyRole;

/**
 * One figure per municipality for the whole country, for the map page, and the federations active on the date, for
 * scope pickers. The figures use the definitions of the analyses (a body counts when it and the municipality's row
 * are active; host roles are HOST on joint committees and agreements; coverage as in the gap analysis), so the map
 * agrees with the other pages.
 */
public final class OverviewAnalysis implements CooperationAnalysis<OverviewAnalysis.Query, OverviewAnalysis.Overview> {

    /**
     * @param forms the forms whose bodies are counted; null or empty: {@link Form#DEFAULT_ANALYSIS_FORMS}
     * @param area  a service area whose coverage is reported per municipality, or null
     */
    public record Query(Set<Form> forms, String area) {
        public Query {
            forms = forms == null || forms.isEmpty() ? Form.DEFAULT_ANALYSIS_FORMS : Set.copyOf(forms);
        }
    }

    /**
     * @param bodies       active bodies in the chosen forms the municipality is a party to (any role)
     * @param hostRoles    HOST on active joint committees and agreements (h of the host concentration, unfiltered)
     * @param seats        active federations seated in it
     * @param coversArea   whether it covers the requested area; null when no area was asked
     * @param illustrative how many of its counted bodies are illustrative
     */
    public record MunicipalityFigures(String code, String name, String countyCode, int bodies, int hostRoles, int seats,
                                      Boolean coversArea, int illustrative) {}

    public record FederationRef(String id, String name, int members, boolean illustrative) {}

    /** @param illustrativeBodies active bodies of any form on the date whose source is 'illustrative' */
    public record Overview(LocalDate asOf, List<Form> forms, String area, int illustrativeBodies,
                           List<MunicipalityFigures> municipalities, List<FederationRef> federations) {}

    /** One pass over the bodies' party rows, not one per municipality. */
    @Override
    public Overview analyse(CooperationData data, Query query) {
        Set<Form> chosen = query.forms();
        String area = query.area();
        if (area != null && !data.areas().containsKey(area)) {
            throw new IllegalArgumentException("overview: unknown service area '" + area + "'");
        }
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
                .map(b -> new FederationRef(b.id(), b.name(), (int) b.partiesWithRole(PartyRole.MEMBER)
                        .filter(p -> p.type() == PartyType.MUNICIPALITY).map(PartyInfo::partyId).distinct().count(),
                        b.illustrative()))
                .toList();
        int illustrativeBodies = (int) data.bodies().values().stream().filter(BodyInfo::illustrative).count();
        return new Overview(data.asOf(), chosen.stream().sorted().toList(), area, illustrativeBodies, figures,
                federations);
    }
}
