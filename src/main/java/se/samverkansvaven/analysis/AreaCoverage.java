package se.samverkansvaven.analysis;

import java.util.Collection;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import se.samverkansvaven.analysis.data.CooperationData.BodyInfo;
import se.samverkansvaven.analysis.data.CooperationData.PartyInfo;
import se.samverkansvaven.analysis.data.CooperationData.PartyType;
import se.samverkansvaven.body.Form;

/**
 * "Party p covers area a" (domain.md item 5): p is a party, in any role, to an active body in the chosen
 * forms that covers a. Conveners are not parties. Shared by the gap and exit-impact analyses.
 */
public final class AreaCoverage {

    private AreaCoverage() {}

    /** Areas covered by every municipality and actor party of the given bodies (bodies of other forms ignored). */
    public static SortedMap<String, SortedSet<String>> byParty(Collection<BodyInfo> bodies, Set<Form> forms) {
        SortedMap<String, SortedSet<String>> covered = new TreeMap<>();
        for (BodyInfo body : bodies) {
            if (!forms.contains(body.form())) {
                continue;
            }
            for (PartyInfo party : body.parties()) {
                if (party.type() != PartyType.BODY) {
                    covered.computeIfAbsent(party.partyId(), k -> new TreeSet<>()).addAll(body.areas());
                }
            }
        }
        return covered;
    }

    public static boolean covers(SortedMap<String, SortedSet<String>> coverage, String party, String area) {
        SortedSet<String> areas = coverage.get(party);
        return areas != null && areas.contains(area);
    }
}
