package se.samverkansvaven.importing;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import se.samverkansvaven.body.ActorKind;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.body.Governance;
import se.samverkansvaven.body.Level;
import se.samverkansvaven.body.LinkKind;
import se.samverkansvaven.body.PartyRole;
import se.samverkansvaven.importing.CsvTable.Row;
import se.samverkansvaven.municipality.MunicipalityCodes;
import se.samverkansvaven.importing.ValidBundle.ActorRow;
import se.samverkansvaven.importing.ValidBundle.BodyRow;
import se.samverkansvaven.importing.ValidBundle.CoverageRow;
import se.samverkansvaven.importing.ValidBundle.GoalRelationRow;
import se.samverkansvaven.importing.ValidBundle.GoalRow;
import se.samverkansvaven.importing.ValidBundle.LinkRow;
import se.samverkansvaven.importing.ValidBundle.PartyKind;
import se.samverkansvaven.importing.ValidBundle.PartyRow;

/**
 * Every loader rule of domain.md ("Data exchange format") and docs/model.md, checked in memory with hash
 * maps against the bundle itself and the reference sets read from the database. Collects all errors; a
 * row with an error in one cell is still used for the checks that do not depend on that cell, so one
 * mistake does not hide another, while knock-on errors (an unknown body making its every party row
 * "unknown") are avoided. One instance per import.
 */
final class BundleValidator {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Set<String> GOAL_RELATION_KINDS = Set.of("CONFLICTS_WITH", "SUPPORTS");

    // Column indices, in BundleFile's column order.
    private static final int B_ID = 0, B_FORM = 1, B_NAME = 2, B_SECTOR = 3, B_LEVEL = 4, B_GOVERNANCE = 5,
            B_SEAT = 6, B_FROM = 7, B_TO = 8, B_SOURCE = 9;
    private static final int P_BODY = 0, P_PARTY = 1, P_ROLE = 2, P_FROM = 3, P_TO = 4, P_REPRESENTATIVE = 5,
            P_SOURCE = 6;
    private static final int A_ID = 0, A_KIND = 1, A_NAME = 2, A_SOURCE = 3;
    private static final int L_A = 0, L_B = 1, L_KIND = 2, L_FROM = 3, L_TO = 4, L_SOURCE = 5;
    private static final int G_ID = 0, G_NAME = 1, G_SOURCE = 2;
    private static final int C_MUNICIPALITY = 0, C_FORMS = 1, C_FROM = 2, C_TO = 3, C_SOURCE = 4;

    private final KnownIds reference;
    /** What a municipality code looks like; a party matching it is a municipality, an id must not match it. */
    private final MunicipalityCodes codes;
    private final BundleErrors errors;

    /** Bundle bodies by id with the line that defines them (only the first row of a duplicated id). */
    private final Map<String, BodyRow> bodies = new LinkedHashMap<>();
    private final Map<String, ActorEntry> actors = new LinkedHashMap<>();
    private final Map<String, Integer> goalLines = new LinkedHashMap<>();
    /**
     * One instance per distinct value of the cells the typed rows keep (parties, sources, seats, dates): a large
     * bundle repeats them millions of times, and the rows stay on the heap through the whole load.
     */
    private final Map<String, String> shared = new HashMap<>();
    private final Map<String, LocalDate> sharedDates = new HashMap<>();

    private record ActorEntry(int line, ActorKind kind, ActorRow row) {}

    /** A party row whose body, party, role and dates are usable for the checks across rows. */
    private record Candidate(PartyRow row, boolean dated) {}

    /** @param errorsReported how many errors are kept (in file and line order); the rest are only counted */
    BundleValidator(KnownIds reference, MunicipalityCodes codes, int errorsReported) {
        this.reference = reference;
        this.codes = codes;
        this.errors = new BundleErrors(errorsReported, Comparator.comparingInt((BundleError e) -> BundleFile
                .byName(e.file()).map(Enum::ordinal).orElse(-1)).thenComparingInt(BundleError::line));
    }

    /**
     * The outcome: a valid bundle when errors is empty.
     *
     * @param errors     the first errors in file and line order
     * @param errorCount how many errors there are in all
     */
    record Result(ValidBundle bundle, List<BundleError> errors, long errorCount) {
        BundleRejectedException rejection() {
            return new BundleRejectedException(errors, errorCount);
        }
    }

    Result validate(Map<BundleFile, CsvTable> tables) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (BundleFile file : BundleFile.values()) {
            CsvTable table = tables.get(file);
            if (table != null) {
                counts.put(file.fileName(), table.rows().size());
            }
        }
        List<ActorRow> actorRows = readActors(rows(tables, BundleFile.ACTORS));
        readBodies(rows(tables, BundleFile.BODIES));
        checkIdsAcrossBodiesAndActors();
        List<GoalRow> goalRows = readGoals(rows(tables, BundleFile.GOALS));
        List<PartyRow> parties = new ArrayList<>();
        List<PartyRow> conveners = new ArrayList<>();
        readParties(rows(tables, BundleFile.PARTIES), parties, conveners);
        Map<String, List<String>> areas = readBodyPairs(rows(tables, BundleFile.AREAS), BundleFile.AREAS, "area",
                reference.areas()::contains, value -> "no service area has id '" + value + "'");
        Map<String, List<String>> goals = readBodyPairs(rows(tables, BundleFile.BODY_GOALS), BundleFile.BODY_GOALS,
                "goal_id", this::goalExists, value -> "no goal has id '" + value
                        + "' in goals.csv or in the database");
        List<LinkRow> links = readLinks(rows(tables, BundleFile.LINKS));
        List<GoalRelationRow> relations = readGoalRelations(rows(tables, BundleFile.GOAL_RELATIONS));
        List<CoverageRow> coverage = readCoverage(rows(tables, BundleFile.COVERAGE));

        ValidBundle bundle = new ValidBundle(counts, List.copyOf(bodies.values()), parties, conveners, actorRows,
                goalRows, areas, goals, links, relations, coverage);
        return new Result(bundle, errors.first(), errors.total());
    }

    private static List<Row> rows(Map<BundleFile, CsvTable> tables, BundleFile file) {
        CsvTable table = tables.get(file);
        return table == null ? List.of() : table.rows();
    }

    // ---- actors.csv, bodies.csv, goals.csv -------------------------------------------------------------

    private List<ActorRow> readActors(List<Row> rows) {
        List<ActorRow> result = new ArrayList<>(rows.size());
        for (Row row : rows) {
            String id = id(BundleFile.ACTORS, row, A_ID);
            ActorKind kind = enumValue(BundleFile.ACTORS, row, A_KIND, ActorKind.class, "actor kind", true);
            String name = required(BundleFile.ACTORS, row, A_NAME, "every actor needs a name");
            if (id == null) {
                continue;
            }
            ActorEntry previous = actors.get(id);
            if (previous != null) {
                error(BundleFile.ACTORS, row, A_ID, "the id " + id + " is already used on line "
                        + previous.line() + " of actors.csv");
                continue;
            }
            ActorRow actor = new ActorRow(id, kind, name, row.get(A_SOURCE));
            actors.put(id, new ActorEntry(row.line(), kind, actor));
            result.add(actor);
        }
        return result;
    }

    private void readBodies(List<Row> rows) {
        for (Row row : rows) {
            String id = id(BundleFile.BODIES, row, B_ID);
            Form form = enumValue(BundleFile.BODIES, row, B_FORM, Form.class, "form", true);
            String name = required(BundleFile.BODIES, row, B_NAME, "every body needs a name");
            String sector = row.get(B_SECTOR);
            if (sector != null && !reference.sectors().contains(sector)) {
                error(BundleFile.BODIES, row, B_SECTOR, "no sector has id '" + sector + "'; " + (reference.sectors()
                        .isEmpty() ? "the database has no sectors yet: load the reference data first"
                        : "the sectors are " + String.join(", ", new TreeSet<>(reference.sectors()))));
            }
            Level level = enumValue(BundleFile.BODIES, row, B_LEVEL, Level.class, "level", false);
            Governance governance = enumValue(BundleFile.BODIES, row, B_GOVERNANCE, Governance.class,
                    "governance", false);
            if (form == Form.NETWORK && row.get(B_SECTOR) == null) {
                error(BundleFile.BODIES, row, B_SECTOR, "the network " + label(id, row) + " has no sector; every "
                        + "network needs a sector and a level, which place it in the sector × level grid");
            }
            if (form == Form.NETWORK && row.get(B_LEVEL) == null) {
                error(BundleFile.BODIES, row, B_LEVEL, "the network " + label(id, row) + " has no level; every "
                        + "network needs one of " + names(Level.class));
            }
            String seat = row.get(B_SEAT);
            if (seat != null) {
                if (form != null && form != Form.FEDERATION) {
                    error(BundleFile.BODIES, row, B_SEAT, "only a federation has a seat (säte), and "
                            + label(id, row) + " is " + article(form) + "; leave seat_code empty");
                } else if (!reference.municipalities().contains(seat)) {
                    error(BundleFile.BODIES, row, B_SEAT, "no municipality has code " + seat);
                }
            }
            LocalDate from = date(BundleFile.BODIES, row, B_FROM);
            LocalDate to = date(BundleFile.BODIES, row, B_TO);
            checkOrder(BundleFile.BODIES, row, B_TO, from, to);
            if (id == null) {
                continue;
            }
            BodyRow previous = bodies.get(id);
            if (previous != null) {
                error(BundleFile.BODIES, row, B_ID, "the id " + id + " is already used on line "
                        + previous.line() + " of bodies.csv");
                continue;
            }
            bodies.put(id, new BodyRow(row.line(), id, form, name, sector, level, governance, shared(seat), from, to,
                    shared(row.get(B_SOURCE))));
        }
    }

    private void checkIdsAcrossBodiesAndActors() {
        for (ActorEntry actor : actors.values()) {
            String id = actor.row().id();
            BodyRow body = bodies.get(id);
            if (body != null) {
                errors.add(new BundleError(BundleFile.ACTORS.fileName(), actor.line(), "id", "the id " + id
                        + " is also the id of a body (bodies.csv line " + body.line()
                        + "); ids are unique across bodies and actors"));
            } else if (reference.bodies().containsKey(id)) {
                errors.add(new BundleError(BundleFile.ACTORS.fileName(), actor.line(), "id", "the id " + id
                        + " already belongs to a body in the database; ids are unique across bodies and actors"));
            }
        }
        for (BodyRow body : bodies.values()) {
            if (!actors.containsKey(body.id()) && reference.actors().containsKey(body.id())) {
                errors.add(new BundleError(BundleFile.BODIES.fileName(), body.line(), "id", "the id " + body.id()
                        + " already belongs to an actor in the database; ids are unique across bodies and actors"));
            }
        }
    }

    private List<GoalRow> readGoals(List<Row> rows) {
        List<GoalRow> result = new ArrayList<>(rows.size());
        for (Row row : rows) {
            String id = id(BundleFile.GOALS, row, G_ID);
            String name = required(BundleFile.GOALS, row, G_NAME, "every goal needs a name");
            if (id == null) {
                continue;
            }
            Integer previous = goalLines.putIfAbsent(id, row.line());
            if (previous != null) {
                error(BundleFile.GOALS, row, G_ID, "the id " + id + " is already used on line " + previous
                        + " of goals.csv");
                continue;
            }
            result.add(new GoalRow(id, name, row.get(G_SOURCE)));
        }
        return result;
    }

    private boolean goalExists(String id) {
        return goalLines.containsKey(id) || reference.goals().contains(id);
    }

    // ---- parties.csv -------------------------------------------------------------------------------------

    private void readParties(List<Row> rows, List<PartyRow> parties, List<PartyRow> conveners) {
        Map<String, List<PartyRow>> candidatesByBody = new HashMap<>();
        for (Row row : rows) {
            BodyRow body = bundleBody(BundleFile.PARTIES, row, P_BODY);
            String party = required(BundleFile.PARTIES, row, P_PARTY, "every row needs a party: a municipality "
                    + "code, an actor id or a body id");
            PartyRole role = enumValue(BundleFile.PARTIES, row, P_ROLE, PartyRole.class, "role", true);
            LocalDate from = date(BundleFile.PARTIES, row, P_FROM);
            LocalDate to = date(BundleFile.PARTIES, row, P_TO);
            boolean datesParsed = (row.get(P_FROM) == null || from != null) && (row.get(P_TO) == null || to != null);
            boolean datesOk = checkOrder(BundleFile.PARTIES, row, P_TO, from, to) && datesParsed;
            PartyKind kind = party == null ? null : resolveParty(row, party);
            if (body != null && role != null && kind != null) {
                checkRoleFits(row, body, party, kind, role);
            }
            if (body != null && datesOk) {
                checkWithinBody(row, body, from, to);
            }
            PartyRow partyRow = new PartyRow(row.line(), body == null ? row.get(P_BODY) : body.id(), shared(party),
                    kind, role, from, to, shared(row.get(P_REPRESENTATIVE)), shared(row.get(P_SOURCE)));
            (role == PartyRole.CONVENER ? conveners : parties).add(partyRow);
            if (body != null && party != null && role != null && datesOk) {
                candidatesByBody.computeIfAbsent(body.id(), k -> new ArrayList<>()).add(partyRow);
            }
        }
        for (var entry : candidatesByBody.entrySet()) {
            BodyRow body = bodies.get(entry.getKey());
            checkDuplicatesAndOverlaps(body, entry.getValue());
        }
        for (BodyRow body : bodies.values()) {
            List<PartyRow> rowsOfBody = candidatesByBody.getOrDefault(body.id(), List.of());
            if (body.form() != null && body.form().requiresHost() && datesInOrder(body)) {
                checkHosts(body, rowsOfBody);
            }
            if (body.form() == Form.FEDERATION && body.seatCode() != null
                    && reference.municipalities().contains(body.seatCode()) && datesInOrder(body)) {
                checkSeat(body, rowsOfBody);
            }
        }
    }

    /** What the party value names, bundle first, then the database; null (with an error) when nothing. */
    private PartyKind resolveParty(Row row, String party) {
        if (codes.matches(party)) {
            // A code is never an id of this bundle (the id rule), but a stored actor or body may carry an id
            // that became code-shaped when the pattern was changed: refuse to guess which one is meant.
            if (reference.actors().containsKey(party) || reference.bodies().containsKey(party)) {
                error(BundleFile.PARTIES, row, P_PARTY, "'" + party + "' has the form of a municipality code ("
                        + codes.describe() + ") but is the id of a stored " + (reference.actors().containsKey(party)
                        ? "actor" : "body") + "; give that " + (reference.actors().containsKey(party) ? "actor"
                        : "body") + " another id");
                return null;
            }
            if (reference.municipalities().contains(party)) {
                return PartyKind.MUNICIPALITY;
            }
            error(BundleFile.PARTIES, row, P_PARTY, "no municipality has code " + party);
            return null;
        }
        if (actors.containsKey(party) || reference.actors().containsKey(party)) {
            return PartyKind.ACTOR;
        }
        if (bodies.containsKey(party) || reference.bodies().containsKey(party)) {
            return PartyKind.BODY;
        }
        error(BundleFile.PARTIES, row, P_PARTY, "no municipality, actor or body has the code or id '" + party
                + "' (not in this bundle's actors.csv or bodies.csv, nor in the database)");
        return null;
    }

    private void checkRoleFits(Row row, BodyRow body, String party, PartyKind kind, PartyRole role) {
        Form form = body.form();
        if (form == null) {
            return;
        }
        if (role == PartyRole.CONVENER) {
            if (!form.mayHaveConvener()) {
                error(BundleFile.PARTIES, row, P_ROLE, "role CONVENER does not fit " + body.id() + ", which is "
                        + article(form) + "; only networks and initiatives have a convener");
            } else if (party.equals(body.id())) {
                error(BundleFile.PARTIES, row, P_PARTY, "the body " + body.id() + " cannot convene itself");
            }
            return;
        }
        if (!form.partyRoles().contains(role)) {
            error(BundleFile.PARTIES, row, P_ROLE, "role " + role + " does not fit " + body.id() + ", which is "
                    + article(form) + "; its parties are " + form.partyRoles().stream().map(Enum::name)
                    .collect(Collectors.joining(" or ")) + (form.mayHaveConvener() ? ", or its CONVENER" : ""));
            return;
        }
        if (kind == PartyKind.BODY) {
            Form partyForm = bodyForm(party);
            if (party.equals(body.id())) {
                error(BundleFile.PARTIES, row, P_PARTY, "the body " + body.id() + " cannot be a party to itself");
            } else if (!(role == PartyRole.PARTICIPANT && form == Form.INITIATIVE && partyForm == Form.NETWORK)) {
                error(BundleFile.PARTIES, row, P_PARTY, "the body " + party + " cannot be " + role
                        + " of " + body.id() + ": a body is a party only as a network that is PARTICIPANT of "
                        + "an initiative, or as a CONVENER of a network or initiative");
            }
        } else if (role == PartyRole.HOST && kind == PartyKind.ACTOR) {
            ActorKind actorKind = actorKind(party);
            if (actorKind != ActorKind.REGION) {
                error(BundleFile.PARTIES, row, P_PARTY, "the actor " + party + " cannot be HOST of "
                        + body.id() + ": only a municipality or a region hosts a joint committee or agreement");
            }
        }
    }

    private void checkWithinBody(Row row, BodyRow body, LocalDate from, LocalDate to) {
        // An empty date on a row means "for as long as the body", so only given dates can fall outside.
        if (from != null && body.validFrom() != null && from.isBefore(body.validFrom())) {
            error(BundleFile.PARTIES, row, P_FROM, "the row starts on " + from + ", before its body "
                    + body.id() + " starts on " + body.validFrom());
        } else if (from != null && body.validTo() != null && !from.isBefore(body.validTo())) {
            error(BundleFile.PARTIES, row, P_FROM, "the row starts on " + from + ", when its body "
                    + body.id() + " has already ended (valid_to " + body.validTo() + ")");
        }
        if (to != null && body.validTo() != null && to.isAfter(body.validTo())) {
            error(BundleFile.PARTIES, row, P_TO, "the row ends on " + to + ", after its body " + body.id()
                    + " ends on " + body.validTo());
        } else if (to != null && body.validFrom() != null && !to.isAfter(body.validFrom())) {
            error(BundleFile.PARTIES, row, P_TO, "the row ends on " + to + ", before its body " + body.id()
                    + " starts on " + body.validFrom());
        }
    }

    /** Same (body, party, role, valid_from) twice is a duplicate; two rows of one party may not overlap. */
    private void checkDuplicatesAndOverlaps(BodyRow body, List<PartyRow> rows) {
        rows.sort(Comparator.comparing(PartyRow::party)
                .thenComparing(r -> r.role() == PartyRole.CONVENER)
                .thenComparing(PartyRow::validFrom, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(PartyRow::role)
                .thenComparingInt(PartyRow::line));
        PartyRow previous = null;
        PartyRow latestEnding = null;
        for (PartyRow row : rows) {
            boolean sameGroup = previous != null && previous.party().equals(row.party())
                    && (previous.role() == PartyRole.CONVENER) == (row.role() == PartyRole.CONVENER);
            if (!sameGroup) {
                previous = row;
                latestEnding = row;
                continue;
            }
            if (previous.role() == row.role() && java.util.Objects.equals(previous.validFrom(), row.validFrom())) {
                errors.add(new BundleError(BundleFile.PARTIES.fileName(), row.line(), "party",
                        "duplicate row: line " + previous.line() + " already has " + row.party() + " as "
                                + row.role() + " of " + body.id() + " from " + dateText(row.validFrom())));
                continue;
            }
            if (end(latestEnding.validTo()).isAfter(start(row.validFrom()))) {
                errors.add(new BundleError(BundleFile.PARTIES.fileName(), row.line(), "valid_from",
                        "this row overlaps line " + latestEnding.line() + ": " + row.party() + " would be "
                                + (row.role() == PartyRole.CONVENER ? "convener" : "a party")
                                + " of " + body.id() + " twice " + span(start(row.validFrom()),
                                min(end(row.validTo()), end(latestEnding.validTo())))));
            }
            if (end(row.validTo()).isAfter(end(latestEnding.validTo()))) {
                latestEnding = row;
            }
            previous = row;
        }
    }

    /** Exactly one HOST on every day of the body's life, open ends included. */
    private void checkHosts(BodyRow body, List<PartyRow> rows) {
        LocalDate lifeStart = start(body.validFrom());
        LocalDate lifeEnd = end(body.validTo());
        List<PartyRow> hosts = rows.stream().filter(r -> r.role() == PartyRole.HOST)
                .filter(r -> max(start(r.validFrom()), lifeStart).isBefore(min(end(r.validTo()), lifeEnd)))
                .sorted(Comparator.comparing((PartyRow r) -> start(r.validFrom())).thenComparingInt(PartyRow::line))
                .toList();
        String what = article(body.form()) + " " + body.id();
        if (hosts.isEmpty()) {
            errors.add(new BundleError(BundleFile.BODIES.fileName(), body.line(), "id", capitalised(what)
                    + " has no HOST in parties.csv; it needs exactly one "
                    + "HOST on every day it is active"));
            return;
        }
        LocalDate coveredUntil = lifeStart;
        PartyRow latestEnding = null;
        for (PartyRow host : hosts) {
            LocalDate from = max(start(host.validFrom()), lifeStart);
            LocalDate to = min(end(host.validTo()), lifeEnd);
            if (from.isAfter(coveredUntil)) {
                errors.add(new BundleError(BundleFile.BODIES.fileName(), body.line(), "id", capitalised(what)
                        + " has no HOST " + span(coveredUntil, from) + "; it needs exactly one HOST on every "
                        + "day it is active"));
            }
            if (latestEnding != null && from.isBefore(min(end(latestEnding.validTo()), lifeEnd))
                    && !latestEnding.party().equals(host.party())) {
                errors.add(new BundleError(BundleFile.PARTIES.fileName(), host.line(), "role", capitalised(what)
                        + " has two HOSTs " + span(from, min(to, min(end(latestEnding.validTo()), lifeEnd)))
                        + ": " + latestEnding.party() + " (line " + latestEnding.line() + ") and "
                        + host.party() + " (line " + host.line() + ")"));
            }
            if (to.isAfter(coveredUntil)) {
                coveredUntil = to;
            }
            if (latestEnding == null || end(host.validTo()).isAfter(end(latestEnding.validTo()))) {
                latestEnding = host;
            }
        }
        if (coveredUntil.isBefore(lifeEnd)) {
            errors.add(new BundleError(BundleFile.BODIES.fileName(), body.line(), "id", capitalised(what)
                    + " has no HOST " + span(coveredUntil, lifeEnd) + "; it needs exactly one HOST on every day "
                    + "it is active"));
        }
    }

    /** The seat municipality must be a MEMBER on every day of the federation's life. */
    private void checkSeat(BodyRow body, List<PartyRow> rows) {
        LocalDate lifeStart = start(body.validFrom());
        LocalDate lifeEnd = end(body.validTo());
        List<PartyRow> memberships = rows.stream()
                .filter(r -> r.role() == PartyRole.MEMBER && r.party().equals(body.seatCode()))
                .sorted(Comparator.comparing((PartyRow r) -> start(r.validFrom())))
                .toList();
        String problem = memberships.isEmpty() ? "" : null;
        LocalDate coveredUntil = lifeStart;
        for (PartyRow member : memberships) {
            LocalDate from = max(start(member.validFrom()), lifeStart);
            if (problem == null && from.isAfter(coveredUntil)) {
                problem = " " + span(coveredUntil, from);
            }
            coveredUntil = max(coveredUntil, min(end(member.validTo()), lifeEnd));
        }
        if (problem == null && coveredUntil.isBefore(lifeEnd)) {
            problem = " " + span(coveredUntil, lifeEnd);
        }
        if (problem != null) {
            errors.add(new BundleError(BundleFile.BODIES.fileName(), body.line(), "seat_code", "the seat "
                    + body.seatCode() + " is not a MEMBER of " + body.id() + problem
                    + "; a federation's seat must be one of its members (add a MEMBER row to parties.csv)"));
        }
    }

    // ---- areas.csv, body_goals.csv, links.csv, goal_relations.csv -----------------------------------------

    /** (body_id, value) files: the body must be in this bundle, the value known, no pair twice. */
    private Map<String, List<String>> readBodyPairs(List<Row> rows, BundleFile file, String valueColumn,
            java.util.function.Predicate<String> known, java.util.function.Function<String, String> unknown) {
        Map<String, List<String>> byBody = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Row row : rows) {
            BodyRow body = bundleBody(file, row, 0);
            String value = required(file, row, 1, "every row needs " + valueColumn);
            if (value != null && !known.test(value)) {
                error(file, row, 1, unknown.apply(value));
            }
            if (body == null || value == null) {
                continue;
            }
            Integer previous = seen.putIfAbsent(body.id() + '\u0000' + value, row.line());
            if (previous != null) {
                error(file, row, 1, "duplicate row: line " + previous + " already links " + body.id() + " and "
                        + value);
                continue;
            }
            byBody.computeIfAbsent(body.id(), k -> new ArrayList<>()).add(value);
        }
        return byBody;
    }

    private List<LinkRow> readLinks(List<Row> rows) {
        List<LinkRow> result = new ArrayList<>(rows.size());
        Map<String, Integer> seen = new HashMap<>();
        for (Row row : rows) {
            String a = network(row, L_A);
            String b = network(row, L_B);
            LinkKind kind = enumValue(BundleFile.LINKS, row, L_KIND, LinkKind.class, "link kind", true);
            LocalDate from = date(BundleFile.LINKS, row, L_FROM);
            LocalDate to = date(BundleFile.LINKS, row, L_TO);
            checkOrder(BundleFile.LINKS, row, L_TO, from, to);
            if (a != null && a.equals(b)) {
                error(BundleFile.LINKS, row, L_B, "a network cannot be linked with itself (" + a + ")");
                continue;
            }
            if (a == null || b == null || kind == null) {
                continue;
            }
            String low = a.compareTo(b) < 0 ? a : b;
            String high = low.equals(a) ? b : a;
            Integer previous = seen.putIfAbsent(low + '\u0000' + high + '\u0000' + kind + '\u0000' + from,
                    row.line());
            if (previous != null) {
                error(BundleFile.LINKS, row, L_A, "duplicate link: line " + previous + " already links " + low
                        + " and " + high + " as " + kind + " from " + dateText(from));
                continue;
            }
            result.add(new LinkRow(low, high, kind, from, to, row.get(L_SOURCE)));
        }
        return result;
    }

    /** The id in the cell when it names a network in the bundle or the database; else null, with an error. */
    private String network(Row row, int column) {
        String id = required(BundleFile.LINKS, row, column, "a link joins two networks");
        if (id == null) {
            return null;
        }
        if (!bodies.containsKey(id) && !reference.bodies().containsKey(id)) {
            error(BundleFile.LINKS, row, column, "no body has id '" + id
                    + "' in this bundle's bodies.csv or in the database");
            return null;
        }
        Form form = bodyForm(id);
        if (form != Form.NETWORK) {
            error(BundleFile.LINKS, row, column, id + " is " + (form == null ? "not a network" : article(form))
                    + "; links join two networks");
            return null;
        }
        return id;
    }

    private List<GoalRelationRow> readGoalRelations(List<Row> rows) {
        List<GoalRelationRow> result = new ArrayList<>(rows.size());
        Map<String, Integer> seen = new HashMap<>();
        for (Row row : rows) {
            String a = knownGoal(row, 0);
            String b = knownGoal(row, 1);
            String kind = required(BundleFile.GOAL_RELATIONS, row, 2, "use CONFLICTS_WITH or SUPPORTS");
            if (kind != null && !GOAL_RELATION_KINDS.contains(kind)) {
                error(BundleFile.GOAL_RELATIONS, row, 2, "'" + kind + "' is not a goal relation; use "
                        + "CONFLICTS_WITH or SUPPORTS");
                kind = null;
            }
            if (a != null && a.equals(b)) {
                error(BundleFile.GOAL_RELATIONS, row, 1, "a goal cannot be related to itself (" + a + ")");
                continue;
            }
            if (a == null || b == null || kind == null) {
                continue;
            }
            String low = a.compareTo(b) < 0 ? a : b;
            String high = low.equals(a) ? b : a;
            Integer previous = seen.putIfAbsent(low + '\u0000' + high + '\u0000' + kind, row.line());
            if (previous != null) {
                error(BundleFile.GOAL_RELATIONS, row, 0, "duplicate row: line " + previous + " already has "
                        + low + " " + kind + " " + high);
                continue;
            }
            result.add(new GoalRelationRow(low, high, kind));
        }
        return result;
    }

    private String knownGoal(Row row, int column) {
        String id = required(BundleFile.GOAL_RELATIONS, row, column, "a goal relation joins two goals");
        if (id != null && !goalExists(id)) {
            error(BundleFile.GOAL_RELATIONS, row, column, "no goal has id '" + id
                    + "' in goals.csv or in the database");
            return null;
        }
        return id;
    }

    // ---- coverage.csv --------------------------------------------------------------------------------------

    /**
     * Coverage rows (domain.md item 8): a known municipality, known forms (empty: all), a valid_from (a claim
     * of completeness holds from a day), an optional valid_to after it, and a source (who says the list is
     * complete). One source may not state the same thing twice: two rows of one municipality with the same
     * source may not overlap in time for a form they share, within the bundle or with a stored row (a row of
     * the bundle with a stored row's identity replaces it). Rows of different sources may overlap: each is a
     * source for the same fact.
     */
    private List<CoverageRow> readCoverage(List<Row> rows) {
        List<CoverageRow> result = new ArrayList<>(rows.size());
        Map<String, Integer> seen = new HashMap<>();
        for (Row row : rows) {
            String code = required(BundleFile.COVERAGE, row, C_MUNICIPALITY, "every row names the municipality "
                    + "whose list of bodies is complete");
            boolean known = code != null && knownMunicipality(row, code);
            List<Form> forms = forms(row);
            LocalDate from = date(BundleFile.COVERAGE, row, C_FROM);
            if (row.get(C_FROM) == null) {
                error(BundleFile.COVERAGE, row, C_FROM, "valid_from is empty; a coverage row says from which day "
                        + "the municipality's list is complete");
            }
            LocalDate to = date(BundleFile.COVERAGE, row, C_TO);
            boolean datesOk = checkOrder(BundleFile.COVERAGE, row, C_TO, from, to)
                    && (row.get(C_TO) == null || to != null);
            String source = required(BundleFile.COVERAGE, row, C_SOURCE, "a coverage row needs its source: who "
                    + "says the list is complete (a decision, a register, or illustrative)");
            if (!known || forms == null || from == null || !datesOk || source == null) {
                continue;
            }
            String id = CoverageKey.id(code, forms, from, source);
            Integer previous = seen.putIfAbsent(id, row.line());
            if (previous != null) {
                error(BundleFile.COVERAGE, row, C_MUNICIPALITY, "duplicate row: line " + previous + " already "
                        + "declares " + code + " complete for " + formsInWords(forms) + " from " + from
                        + " with the same source");
                continue;
            }
            result.add(new CoverageRow(row.line(), id, code, forms, from, to, source));
        }
        Set<CoverageRow> restated = checkCoverageOverlaps(result);
        if (!restated.isEmpty()) {
            result.removeAll(restated);
        }
        return result;
    }

    private boolean knownMunicipality(Row row, String code) {
        if (!codes.matches(code)) {
            error(BundleFile.COVERAGE, row, C_MUNICIPALITY, "'" + code + "' is not a municipality code; "
                    + codes.describe());
            return false;
        }
        if (!reference.municipalities().contains(code)) {
            error(BundleFile.COVERAGE, row, C_MUNICIPALITY, "no municipality has code " + code);
            return false;
        }
        return true;
    }

    /** The forms of a cell in enum order (empty: every form), or null with an error. */
    private List<Form> forms(Row row) {
        String cell = row.get(C_FORMS);
        if (cell == null) {
            return List.of();
        }
        java.util.EnumSet<Form> forms = java.util.EnumSet.noneOf(Form.class);
        boolean ok = true;
        for (String part : cell.split(";", -1)) {
            String name = part.strip();
            if (name.isEmpty()) {
                error(BundleFile.COVERAGE, row, C_FORMS, "'" + cell + "' has an empty entry; separate forms with "
                        + "';', e.g. FEDERATION;JOINT_COMMITTEE, or leave the cell empty for every form");
                ok = false;
                continue;
            }
            Form form;
            try {
                form = Form.valueOf(name);
            } catch (IllegalArgumentException e) {
                error(BundleFile.COVERAGE, row, C_FORMS, "'" + name + "' is not a known form; use one of "
                        + names(Form.class) + ", separated by ';'");
                ok = false;
                continue;
            }
            if (!forms.add(form)) {
                error(BundleFile.COVERAGE, row, C_FORMS, form + " is listed twice");
                ok = false;
            }
        }
        return ok ? List.copyOf(forms) : null;
    }

    /**
     * Checks that no two rows of one source declare a municipality complete for a form twice on a day, within the
     * bundle or against the stored rows.
     *
     * @return the rows that restate a stored row: same source and forms, within its dates (a bundle exported
     *         for one day and loaded back); they are known already and write nothing
     */
    private Set<CoverageRow> checkCoverageOverlaps(List<CoverageRow> rows) {
        Set<CoverageRow> restated = new java.util.HashSet<>();
        Map<String, List<CoverageRow>> byMunicipality = new LinkedHashMap<>();
        rows.forEach(r -> byMunicipality.computeIfAbsent(r.municipality(), k -> new ArrayList<>()).add(r));
        for (var entry : byMunicipality.entrySet()) {
            List<CoverageRow> bundleRows = entry.getValue();
            Set<String> replaced = new java.util.HashSet<>();
            bundleRows.forEach(r -> replaced.add(r.id()));
            for (int i = 0; i < bundleRows.size(); i++) {
                CoverageRow row = bundleRows.get(i);
                CoverageRow clash = null;
                for (int j = 0; j < i && clash == null; j++) {
                    if (coverageOverlap(row, bundleRows.get(j).forms(), bundleRows.get(j).validFrom(),
                            bundleRows.get(j).validTo(), bundleRows.get(j).source())) {
                        clash = bundleRows.get(j);
                    }
                }
                if (clash != null) {
                    errors.add(new BundleError(BundleFile.COVERAGE.fileName(), row.line(), "valid_from",
                            "this row overlaps line " + clash.line() + ": the same source would declare "
                                    + row.municipality() + " complete for " + formsInWords(shared(row.forms(),
                                    clash.forms())) + " twice " + span(max(row.validFrom(), clash.validFrom()),
                                    min(end(row.validTo()), end(clash.validTo())))));
                    continue;
                }
                for (KnownIds.StoredCoverage stored : reference.coverage().getOrDefault(entry.getKey(), List.of())) {
                    if (!replaced.contains(stored.id()) && restates(row, stored)) {
                        restated.add(row);
                        break;
                    }
                    if (!replaced.contains(stored.id()) && coverageOverlap(row, stored.forms(), stored.validFrom(),
                            stored.validTo(), stored.source())) {
                        errors.add(new BundleError(BundleFile.COVERAGE.fileName(), row.line(), "valid_from",
                                "this row overlaps a stored row (" + stored.id() + ", " + formsInWords(stored.forms())
                                        + " from " + stored.validFrom() + (stored.validTo() == null ? ""
                                        : " until " + stored.validTo()) + ") with the same source: "
                                        + row.municipality() + " would be declared complete for "
                                        + formsInWords(shared(row.forms(), stored.forms())) + " twice "
                                        + span(max(row.validFrom(), stored.validFrom()),
                                        min(end(row.validTo()), end(stored.validTo())))
                                        + "; end the stored row first (valid_to)"));
                        break;
                    }
                }
            }
        }
        return restated;
    }

    /** The row says nothing the stored row does not: same source and forms, its dates within the stored row's. */
    private static boolean restates(CoverageRow row, KnownIds.StoredCoverage stored) {
        return row.source().equals(stored.source()) && Set.copyOf(row.forms()).equals(Set.copyOf(stored.forms()))
                && !row.validFrom().isBefore(stored.validFrom()) && !end(stored.validTo()).isBefore(end(row.validTo()));
    }

    private static boolean coverageOverlap(CoverageRow row, List<Form> forms, LocalDate from, LocalDate to,
            String source) {
        return row.source().equals(source) && !shared(row.forms(), forms).isEmpty()
                && row.validFrom().isBefore(end(to)) && from.isBefore(end(row.validTo()));
    }

    /** The forms two rows both cover (an empty list covers every form). */
    private static List<Form> shared(List<Form> a, List<Form> b) {
        if (a.isEmpty()) {
            return b.isEmpty() ? List.of(Form.values()) : b;
        }
        return b.isEmpty() ? a : a.stream().filter(b::contains).toList();
    }

    private static String formsInWords(List<Form> forms) {
        return forms.isEmpty() || forms.size() == Form.values().length ? "every form"
                : forms.stream().map(Enum::name).collect(Collectors.joining(", "));
    }

    // ---- cells -------------------------------------------------------------------------------------------

    /** The body named in the cell, which must be one of this bundle's bodies. */
    private BodyRow bundleBody(BundleFile file, Row row, int column) {
        String id = required(file, row, column, "every row names a body of bodies.csv");
        if (id == null) {
            return null;
        }
        BodyRow body = bodies.get(id);
        if (body == null) {
            if (reference.bodies().containsKey(id)) {
                error(file, row, column, "the body " + id + " is not in this bundle's bodies.csv; a bundle "
                        + "replaces the parties, areas and goals of its own bodies only, so add " + id
                        + " to bodies.csv");
            } else {
                error(file, row, column, "no body has id '" + id + "' in bodies.csv");
            }
        }
        return body;
    }

    private Form bodyForm(String id) {
        BodyRow body = bodies.get(id);
        return body != null ? body.form() : reference.bodies().get(id);
    }

    private ActorKind actorKind(String id) {
        ActorEntry actor = actors.get(id);
        return actor != null ? actor.kind() : reference.actors().get(id);
    }

    /** A syntactically valid id, or null with an error. */
    private String id(BundleFile file, Row row, int column) {
        String id = required(file, row, column, "every row needs an id");
        if (id == null) {
            return null;
        }
        if (codes.matches(id)) {
            error(file, row, column, "'" + id + "' cannot be an id: " + (codes.pattern().equals(MunicipalityCodes.SCB)
                    ? "four digits are a municipality code" : "it has the form of a municipality code ("
                    + codes.describe() + ")"));
            return null;
        }
        if (!ID.matcher(id).matches()) {
            error(file, row, column, "'" + id + "' is not a valid id: use 1 to 64 lower-case letters a-z, "
                    + "digits and hyphens, starting with a letter or digit");
            return null;
        }
        return id;
    }

    private String required(BundleFile file, Row row, int column, String why) {
        String value = row.get(column);
        if (value == null) {
            error(file, row, column, file.columns().get(column) + " is empty; " + why);
        }
        return value;
    }

    private <E extends Enum<E>> E enumValue(BundleFile file, Row row, int column, Class<E> type, String what,
            boolean required) {
        String value = row.get(column);
        if (value == null) {
            if (required) {
                error(file, row, column, file.columns().get(column) + " is empty; use one of " + names(type));
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            error(file, row, column, "'" + value + "' is not a known " + what + "; use one of " + names(type));
            return null;
        }
    }

    /** The first instance of this value met in the bundle. */
    private String shared(String value) {
        return value == null ? null : shared.computeIfAbsent(value, v -> v);
    }

    private LocalDate date(BundleFile file, Row row, int column) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        LocalDate known = sharedDates.get(value);
        if (known != null) {
            return known;
        }
        try {
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                sharedDates.put(value, date);
                return date;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        error(file, row, column, "'" + value + "' is not a date; write dates as YYYY-MM-DD, e.g. 2024-01-31");
        return null;
    }

    /** valid_to must be after valid_from; false (with an error) when not. */
    private boolean checkOrder(BundleFile file, Row row, int toColumn, LocalDate from, LocalDate to) {
        if (from != null && to != null && !to.isAfter(from)) {
            error(file, row, toColumn, "valid_to " + to + " is not after valid_from " + from
                    + "; valid_to is the first day the row no longer holds");
            return false;
        }
        return true;
    }

    private boolean datesInOrder(BodyRow body) {
        return body.validFrom() == null || body.validTo() == null || body.validTo().isAfter(body.validFrom());
    }

    private void error(BundleFile file, Row row, int column, String message) {
        errors.add(new BundleError(file.fileName(), row.line(), file.columns().get(column), message));
    }

    // ---- dates and words ---------------------------------------------------------------------------------

    private static LocalDate start(LocalDate from) {
        return from == null ? LocalDate.MIN : from;
    }

    private static LocalDate end(LocalDate to) {
        return to == null ? LocalDate.MAX : to;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** The days [from, to) in words; MIN and MAX stand for open ends. */
    static String span(LocalDate from, LocalDate to) {
        boolean openStart = from.equals(LocalDate.MIN);
        boolean openEnd = to.equals(LocalDate.MAX);
        if (openStart && openEnd) {
            return "at any time";
        }
        if (openStart) {
            return "before " + to;
        }
        if (openEnd) {
            return "from " + from + " on";
        }
        return "from " + from + " until " + to;
    }

    private static String dateText(LocalDate date) {
        return date == null ? "the start" : date.toString();
    }

    private static String label(String id, Row row) {
        return id != null ? id : "on line " + row.line();
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** "a federation", "an agreement", "a joint committee" ... */
    static String article(Form form) {
        String name = form.name().toLowerCase().replace('_', ' ');
        return ("aeiou".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
