package se.samverkansvaven.importing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import se.samverkansvaven.body.ActorKind;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.body.Governance;
import se.samverkansvaven.body.Level;
import se.samverkansvaven.body.LinkKind;
import se.samverkansvaven.body.PartyRole;

/** A bundle that passed every rule, typed and ready to write. */
record ValidBundle(
        Map<String, Integer> counts,
        List<BodyRow> bodies,
        List<PartyRow> parties,
        List<PartyRow> conveners,
        List<ActorRow> actors,
        List<GoalRow> goals,
        Map<String, List<String>> areasByBody,
        Map<String, List<String>> goalsByBody,
        List<LinkRow> links,
        List<GoalRelationRow> goalRelations,
        List<CoverageRow> coverage) {

    /** What a party value names. */
    enum PartyKind { MUNICIPALITY, ACTOR, BODY }

    record BodyRow(int line, String id, Form form, String name, String sector, Level level, Governance governance,
            String seatCode, LocalDate validFrom, LocalDate validTo, String source) {}

    record PartyRow(int line, String bodyId, String party, PartyKind kind, PartyRole role, LocalDate validFrom,
            LocalDate validTo, String representative, String source) {}

    record ActorRow(String id, ActorKind kind, String name, String source) {}

    record GoalRow(String id, String name, String source) {}

    /** Stored once per (a, b, kind, validFrom) with a &lt; b. */
    record LinkRow(String a, String b, LinkKind kind, LocalDate validFrom, LocalDate validTo, String source) {}

    /** kind is CONFLICTS_WITH or SUPPORTS; a &lt; b. */
    record GoalRelationRow(String a, String b, String kind) {}

    /**
     * "Every body of these forms that this municipality is party to over this period is in the data"
     * (domain.md, item 8), stored as a {@code :Coverage} node (docs/model.md).
     *
     * @param id    {@link CoverageKey#id}, the row's identity: municipality, forms, valid_from and source
     * @param forms the forms covered in enum order; empty means every form
     */
    record CoverageRow(int line, String id, String municipality, List<Form> forms, LocalDate validFrom,
            LocalDate validTo, String source) {}
}
