package se.samverkansvaven.analysis.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import se.samverkansvaven.analysis.data.CooperationData;
import se.samverkansvaven.analysis.data.CooperationData.BodyInfo;
import se.samverkansvaven.analysis.data.CooperationData.NetworkLink;
import se.samverkansvaven.analysis.data.CooperationData.PartyInfo;
import se.samverkansvaven.analysis.data.CooperationData.PartyType;
import se.samverkansvaven.body.ActorKind;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.body.PartyRole;

/**
 * The one place where a scenario's changes are applied: a date's {@link CooperationData} in, the same date as if
 * the changes had been made out, in memory (the graph of record is never touched). Every analysis then runs on
 * the result unchanged, so "an analysis with scenario S" is by construction the analysis of S's data.
 *
 * <p>It mirrors what applying the changes for real writes and the reader then reads on the date (the property test
 * {@code ScenarioEquivalenceTest} holds the two equal): a JOIN is a party row from {@code from}; a LEAVE ends the
 * party's row; a HOST hand-over ends the old host's HOST row and starts a PARTICIPANT row (and the new host's HOST
 * row); a START is a new body with its areas and parties; an END ends the body, and with it its network links (the
 * reader reads links between active networks only). Rows the scenario writes are real rows (not illustrative); a
 * role handed over keeps its row's illustrative flag, as the edit copies the row's source.
 *
 * <p>The same walk checks each change against the state the changes before it left (the date's facts the editing
 * rules need in memory: the body is active, the party is known, the role fits the form, one host), so a change is
 * judged where it stands in the scenario. The loader's own rules (dates against the rows' and body's dates, every
 * field) are checked on top by the editing API when the scenario is saved or applied.
 */
final class ScenarioData {

    private ScenarioData() {}

    /** The date's data with the changes applied, and the problems found on the way (empty: valid). */
    record Applied(CooperationData data, List<ScenarioProblem> problems) {}

    static Applied apply(CooperationData base, List<Change> changes, CooperationData.ScenarioTag tag) {
        SortedMap<String, BodyInfo> bodies = new TreeMap<>(base.bodies());
        List<NetworkLink> links = new ArrayList<>(base.links());
        List<ScenarioProblem> problems = new ArrayList<>();
        Set<String> ended = new HashSet<>();
        for (Change c : changes) {
            int before = problems.size();
            check(base, bodies, ended, c, problems);
            if (problems.size() > before) {
                continue; // a refused change changes nothing, so the later ones are judged on a sane state
            }
            switch (c.type()) {
                case JOIN -> {
                    BodyInfo b = bodies.get(c.body());
                    bodies.put(b.id(), b.withParties(sorted(plus(b.parties(),
                            new PartyInfo(c.party(), typeOf(base, c.party()), c.role(), false)))));
                }
                case LEAVE -> {
                    BodyInfo b = bodies.get(c.body());
                    bodies.put(b.id(), b.withParties(b.parties().stream()
                            .filter(p -> !p.partyId().equals(c.party())).toList()));
                }
                case HOST -> {
                    BodyInfo b = bodies.get(c.body());
                    List<PartyInfo> parties = new ArrayList<>();
                    boolean present = false;
                    for (PartyInfo p : b.parties()) {
                        if (p.partyId().equals(c.party())) {
                            parties.add(new PartyInfo(p.partyId(), p.type(), PartyRole.HOST, p.illustrative()));
                            present = true;
                        } else if (p.role() == PartyRole.HOST) {
                            parties.add(new PartyInfo(p.partyId(), p.type(), PartyRole.PARTICIPANT, p.illustrative()));
                        } else {
                            parties.add(p);
                        }
                    }
                    if (!present) {
                        parties.add(new PartyInfo(c.party(), typeOf(base, c.party()), PartyRole.HOST, false));
                    }
                    bodies.put(b.id(), b.withParties(sorted(parties)));
                }
                case START -> {
                    SortedSet<String> areas = new TreeSet<>(c.start().areas());
                    SortedSet<String> sectors = new TreeSet<>();
                    areas.forEach(a -> sectors.add(base.areas().get(a).sector()));
                    List<PartyInfo> parties = c.start().parties().stream()
                            .map(p -> new PartyInfo(p.party(), typeOf(base, p.party()), p.role(), false)).toList();
                    bodies.put(c.body(), new BodyInfo(c.body(), c.start().form(), c.start().name(), null, null, areas,
                            sectors, null, sorted(parties), new TreeSet<>(), new TreeSet<>(), false));
                }
                case END -> {
                    bodies.remove(c.body());
                    ended.add(c.body());
                    links.removeIf(l -> l.a().equals(c.body()) || l.b().equals(c.body()));
                }
            }
        }
        return new Applied(base.withScenario(tag, bodies, List.copyOf(links)), List.copyOf(problems));
    }

    private static void check(CooperationData base, SortedMap<String, BodyInfo> bodies, Set<String> ended, Change c,
                              List<ScenarioProblem> problems) {
        String label = c.label();
        if (c.from() == null) {
            problems.add(new ScenarioProblem(c.number(), "from", label + ": give 'from', the day the change takes effect."));
            return;
        }
        if (c.from().isAfter(base.asOf())) {
            problems.add(new ScenarioProblem(c.number(), "from", label + ": 'from' " + c.from()
                    + " is after the scenario's date " + base.asOf() + "; the comparison is on that date, so a later "
                    + "change would show nothing. Move the scenario's date or the change."));
            return;
        }
        if (c.type() == Change.Type.START) {
            checkStart(base, c, problems);
            return;
        }
        BodyInfo b = bodies.get(c.body());
        if (b == null) {
            problems.add(new ScenarioProblem(c.number(), "body", label + ": " + (ended.contains(c.body())
                    ? "an earlier change ends " + c.body() + "."
                    : "no body '" + c.body() + "' is active on " + base.asOf() + ".")));
            return;
        }
        switch (c.type()) {
            case JOIN -> {
                if (!knownParty(base, c.party(), problems, c, "party")) {
                    return;
                }
                if (b.hasParty(c.party())) {
                    problems.add(new ScenarioProblem(c.number(), "party", label + ": " + name(base, c.party())
                            + " is already a party of " + b.name() + " (" + roleOf(b, c.party()) + ")."));
                } else if (c.role() == null || !b.form().partyRoles().contains(c.role())) {
                    problems.add(new ScenarioProblem(c.number(), "role", label + ": a party of a " + formName(b.form())
                            + " is " + roles(b.form()) + (c.role() == null ? "; give 'role'." : ", not " + c.role() + ".")));
                } else if (c.role() == PartyRole.HOST && b.host() != null) {
                    problems.add(new ScenarioProblem(c.number(), "role", label + ": " + b.name() + " already has a "
                            + "host, " + name(base, b.host()) + ", and has one host on every day; join as PARTICIPANT "
                            + "and hand the host over with a HOST change."));
                } else if (c.role() == PartyRole.HOST) {
                    mayHost(base, c, problems);
                }
            }
            case LEAVE -> {
                if (!b.hasParty(c.party())) {
                    problems.add(new ScenarioProblem(c.number(), "party", label + ": " + name(base, c.party())
                            + " is not a party of " + b.name() + " on " + base.asOf() + "."));
                } else if (b.form().requiresHost() && c.party().equals(b.host())) {
                    problems.add(new ScenarioProblem(c.number(), "party", label + ": " + name(base, c.party())
                            + " hosts " + b.name() + ", which needs a host on every day; hand the host over first "
                            + "(a HOST change), or end the body (END)."));
                }
            }
            case HOST -> {
                if (!b.form().requiresHost()) {
                    problems.add(new ScenarioProblem(c.number(), "body", label + ": a " + formName(b.form())
                            + " has no host; only joint committees and agreements do."));
                } else if (knownParty(base, c.party(), problems, c, "party")) {
                    if (c.party().equals(b.host())) {
                        problems.add(new ScenarioProblem(c.number(), "party", label + ": " + name(base, c.party())
                                + " already hosts " + b.name() + "."));
                    } else {
                        mayHost(base, c, problems);
                    }
                }
            }
            default -> { }
        }
    }

    private static void checkStart(CooperationData base, Change c, List<ScenarioProblem> problems) {
        String label = c.label();
        Change.NewBody s = c.start();
        if (s.name() == null || s.name().isBlank()) {
            problems.add(new ScenarioProblem(c.number(), "body.name", label + ": give the new body a name."));
        }
        if (s.form() == null || !Change.STARTABLE.contains(s.form())) {
            problems.add(new ScenarioProblem(c.number(), "body.form", label + ": a scenario starts a "
                    + "JOINT_COMMITTEE, AGREEMENT, COMPANY or ASSOCIATION" + (s.form() == null ? "; give 'form'." : ", not a " + s.form() + ".")));
            return;
        }
        if (s.areas().isEmpty()) {
            problems.add(new ScenarioProblem(c.number(), "body.areas", label + ": name the service area(s) the new body covers."));
        }
        for (String area : s.areas()) {
            if (!base.areas().containsKey(area)) {
                problems.add(new ScenarioProblem(c.number(), "body.areas", label + ": '" + area + "' is not a service area."));
            }
        }
        if (s.parties().isEmpty()) {
            problems.add(new ScenarioProblem(c.number(), "body.parties", label + ": name the new body's parties."));
        }
        Set<String> seen = new HashSet<>();
        int hosts = 0;
        for (Change.NewParty p : s.parties()) {
            if (!knownParty(base, p.party(), problems, c, "body.parties")) {
                continue;
            }
            if (!seen.add(p.party())) {
                problems.add(new ScenarioProblem(c.number(), "body.parties", label + ": " + name(base, p.party())
                        + " is named twice."));
            }
            if (p.role() == null || !s.form().partyRoles().contains(p.role())) {
                problems.add(new ScenarioProblem(c.number(), "body.parties", label + ": " + name(base, p.party())
                        + ": a party of a " + formName(s.form()) + " is " + roles(s.form())
                        + (p.role() == null ? "; give 'role'." : ", not " + p.role() + ".")));
            } else if (p.role() == PartyRole.HOST) {
                hosts++;
                mayHost(base, c, p.party(), "body.parties", problems);
            }
        }
        if (s.form().requiresHost() && hosts != 1) {
            problems.add(new ScenarioProblem(c.number(), "body.parties", label + ": a " + formName(s.form())
                    + " has exactly one HOST; the parties name " + hosts + "."));
        }
    }

    private static void mayHost(CooperationData base, Change c, List<ScenarioProblem> problems) {
        mayHost(base, c, c.party(), "party", problems);
    }

    /** Only a municipality or a region hosts (the loader's rule); {@code party} is known. */
    private static void mayHost(CooperationData base, Change c, String party, String field,
                                List<ScenarioProblem> problems) {
        // a municipality is what the date holds as one: codes may have another pattern than four digits (LAU codes)
        if (!base.municipalities().containsKey(party) && base.actors().get(party).kind() != ActorKind.REGION) {
            problems.add(new ScenarioProblem(c.number(), field, c.label() + ": " + name(base, party)
                    + " cannot host: only a municipality or a region hosts a joint committee or agreement."));
        }
    }

    private static boolean knownParty(CooperationData base, String party, List<ScenarioProblem> problems, Change c,
                                      String field) {
        if (party == null || party.isBlank()) {
            problems.add(new ScenarioProblem(c.number(), field, c.label() + ": give 'party', a municipality code, "
                    + "a region's or another actor's id."));
            return false;
        }
        if (!base.municipalities().containsKey(party) && !base.actors().containsKey(party)) {
            problems.add(new ScenarioProblem(c.number(), field, c.label() + ": '" + party + "' is neither a "
                    + "municipality code nor a known actor (a region, agency, academy …)."));
            return false;
        }
        return true;
    }

    static PartyType typeOf(CooperationData base, String party) {
        return base.municipalities().containsKey(party) ? PartyType.MUNICIPALITY : PartyType.ACTOR;
    }

    static String name(CooperationData base, String party) {
        var m = base.municipalities().get(party);
        if (m != null) {
            return m.name() + " (" + party + ")";
        }
        var a = base.actors().get(party);
        return a != null ? a.name() + " (" + party + ")" : party;
    }

    private static String roleOf(BodyInfo b, String party) {
        return b.parties().stream().filter(p -> p.partyId().equals(party)).map(p -> p.role().name()).findFirst().orElse("?");
    }

    private static String roles(Form form) {
        return String.join(" or ", form.partyRoles().stream().map(Enum::name).toList());
    }

    private static String formName(Form form) {
        return form.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    private static List<PartyInfo> plus(List<PartyInfo> parties, PartyInfo added) {
        List<PartyInfo> list = new ArrayList<>(parties);
        list.add(added);
        return list;
    }

    /** As the reader sorts them, by party id, so that equal changes give equal data. */
    private static List<PartyInfo> sorted(List<PartyInfo> parties) {
        return parties.stream().sorted(Comparator.comparing(PartyInfo::partyId)).toList();
    }
}
