package se.samverkansvaven.analysis.web;

import java.util.Set;
import java.util.function.Predicate;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.analysis.data.CooperationData.BodyInfo;
import se.samverkansvaven.analysis.data.CooperationData.PartyType;
import se.samverkansvaven.body.PartyRole;

/**
 * Which networks a {@link MunicipalityScope} covers, for the network grid and the diagonal links (analysis 4): with
 * {@code all} every network; otherwise a network convened by the scope's federation ({@code federation:X})
 * or by one of the scope's municipalities, or with a participating municipality in the scope (all on the
 * date). The analysis then runs on those networks alone, as centrality runs on the part of P in a scope:
 * pairs, scores (Adamic–Adar degrees count the networks in scope), triadic counts and convener shares.
 */
final class NetworkScope {

    private static final String FEDERATION = "federation:";

    /** The forms of the network layer: the coverage of a network answer is for these. */
    static final Set<Form> FORMS = Set.of(Form.NETWORK, Form.INITIATIVE);

    private NetworkScope() {}

    static Predicate<BodyInfo> of(MunicipalityScope scope) {
        if (scope.all()) {
            return network -> true;
        }
        String federation = scope.text().startsWith(FEDERATION) ? scope.text().substring(FEDERATION.length()) : null;
        return network -> (federation != null && network.conveners().contains(federation))
                || network.conveners().stream().anyMatch(scope.municipalities()::contains)
                || network.parties().stream().anyMatch(p -> p.type() == PartyType.MUNICIPALITY
                        && p.role() == PartyRole.PARTICIPANT && scope.municipalities().contains(p.partyId()));
    }
}
