package se.samverkansvaven.analysis;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import se.samverkansvaven.analysis.data.CooperationData.BodyInfo;
import se.samverkansvaven.analysis.data.CooperationData.PartyInfo;
import se.samverkansvaven.analysis.data.CooperationData;
import se.samverkansvaven.body.Form;

/**
 * Which parts of an answer on P rest on illustrative rows (issue 14). Centrality and communities are figures of
 * the whole graph: one invented body moves every betweenness value. So a row is flagged when its actor is party to
 * a body of B that rests on illustrative rows (the body, or one of its party rows, is illustrative), and the answer
 * says {@code restsOnIllustrative} when any such body has a party in the scope: then every figure may differ from
 * what the real rows alone give ({@code illustrative=false}).
 */
public final class Provenance {

    private Provenance() {}

    /** The actors party to a body of these forms that rests on illustrative rows. */
    public static Set<String> illustrativeActors(CooperationData data, Set<Form> forms) {
        Set<String> actors = new HashSet<>();
        for (BodyInfo body : data.bodies().values()) {
            if (forms.contains(body.form()) && body.restsOnIllustrative()) {
                body.parties().stream().map(PartyInfo::partyId).forEach(actors::add);
            }
        }
        return actors;
    }

    /**
     * Whether a body of these forms resting on illustrative rows has a party in the scope.
     *
     * @param scope the scope's municipality codes, or null for every actor ({@code all})
     */
    public static boolean restsOnIllustrative(CooperationData data, Set<Form> forms, Collection<String> scope) {
        Set<String> codes = scope == null ? null : new HashSet<>(scope);
        return data.bodies().values().stream().anyMatch(b -> forms.contains(b.form()) && b.restsOnIllustrative()
                && (codes == null || b.parties().stream().anyMatch(p -> codes.contains(p.partyId()))));
    }
}
