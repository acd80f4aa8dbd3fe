package se.samverkansvaven.analysis.scenario;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.body.PartyRole;
import tools.jackson.databind.JsonNode;

/**
 * A scenario as sent: a name, the date it is compared on and its changes, read from the request's JSON with every
 * malformed field reported (not the first only), each naming the change.
 */
record ScenarioDraft(String name, LocalDate asOf, List<Change> changes) {

    static final int MAX_CHANGES = 50;
    static final int MAX_NAME = 200;

    record Parsed(ScenarioDraft draft, List<ScenarioProblem> problems) {}

    /** The digest of the changes on their date: equal digests give equal data, whatever the scenario is called. */
    String digest() {
        StringBuilder text = new StringBuilder(asOf.toString());
        for (Change c : changes) {
            text.append('\n').append(c.toJson());
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The scenario as stored under {@code id}: a START's body is named {@code scenario-<id>-<n>}, the id it gets when
     * the scenario is applied (its {@code scenario-<n>} is unique only within the scenario), and later changes that
     * name it by {@code scenario-<n>} follow.
     */
    ScenarioDraft storedAs(String id) {
        java.util.Map<String, String> renamed = new java.util.HashMap<>();
        List<Change> named = new ArrayList<>();
        for (Change c : changes) {
            if (c.type() == Change.Type.START) {
                String real = "scenario-" + id + "-" + c.number();
                renamed.put(c.body(), real);
                named.add(new Change(c.number(), c.type(), real, c.start(), c.party(), c.role(), c.from()));
            } else {
                named.add(new Change(c.number(), c.type(), renamed.getOrDefault(c.body(), c.body()), c.start(),
                        c.party(), c.role(), c.from()));
            }
        }
        return new ScenarioDraft(name, asOf, List.copyOf(named));
    }

    static Parsed parse(JsonNode json, LocalDate today) {
        List<ScenarioProblem> problems = new ArrayList<>();
        if (json == null || !json.isObject()) {
            problems.add(new ScenarioProblem(0, "scenario", "Send a scenario: { \"name\", \"asOf\", \"changes\": [...] }."));
            return new Parsed(null, problems);
        }
        String name = text(json, "name");
        if (name != null && name.length() > MAX_NAME) {
            problems.add(new ScenarioProblem(0, "name", "The name has " + name.length() + " characters; at most "
                    + MAX_NAME + " are allowed."));
        }
        LocalDate asOf = today;
        String asOfText = text(json, "asOf");
        if (asOfText != null) {
            asOf = date(asOfText, 0, "asOf", "The scenario's 'asOf'", problems);
        }
        JsonNode list = json.get("changes");
        List<Change> changes = new ArrayList<>();
        if (list == null || list.isNull()) {
            problems.add(new ScenarioProblem(0, "changes", "Give 'changes', a list of JOIN, LEAVE, HOST, START and END changes."));
        } else if (!list.isArray()) {
            problems.add(new ScenarioProblem(0, "changes", "'changes' must be a list."));
        } else if (list.size() > MAX_CHANGES) {
            problems.add(new ScenarioProblem(0, "changes", "A scenario has at most " + MAX_CHANGES + " changes; this one has "
                    + list.size() + "."));
        } else {
            for (int i = 0; i < list.size(); i++) {
                Change c = change(list.get(i), i + 1, asOf == null ? today : asOf, problems);
                if (c != null) {
                    changes.add(c);
                }
            }
        }
        if (!problems.isEmpty()) {
            return new Parsed(null, problems);
        }
        return new Parsed(new ScenarioDraft(name == null || name.isBlank() ? "Scenario" : name.strip(), asOf,
                List.copyOf(changes)), problems);
    }

    private static Change change(JsonNode json, int number, LocalDate asOf, List<ScenarioProblem> problems) {
        String where = "change " + number;
        if (json == null || !json.isObject()) {
            problems.add(new ScenarioProblem(number, "change", where + ": must be an object with 'type'."));
            return null;
        }
        int before = problems.size();
        Change.Type type = null;
        String typeText = text(json, "type");
        try {
            type = Change.Type.valueOf(typeText == null ? "" : typeText.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new ScenarioProblem(number, "type", where + ": 'type' " + (typeText == null ? "is missing"
                    : "'" + typeText + "' is not a change") + "; give JOIN, LEAVE, HOST, START or END."));
            return null;
        }
        where = where + " (" + type + ")";
        String fromText = text(json, "from");
        LocalDate from = fromText == null ? asOf : date(fromText, number, "from", where + ": 'from'", problems);
        String party = text(json, "party");
        PartyRole role = null;
        JsonNode bodyNode = json.get("body");
        String body = null;
        Change.NewBody start = null;
        if (type == Change.Type.START) {
            if (bodyNode == null || !bodyNode.isObject()) {
                problems.add(new ScenarioProblem(number, "body", where + ": 'body' must be the new body: "
                        + "{ \"name\", \"form\", \"areas\": [...], \"parties\": [{ \"party\", \"role\" }] }."));
            } else {
                start = newBody(bodyNode, number, where, problems);
                body = "scenario-" + number;
            }
        } else {
            if (bodyNode == null || !bodyNode.isString() || bodyNode.asString().isBlank()) {
                problems.add(new ScenarioProblem(number, "body", where + ": give 'body', the id of the body."));
            } else {
                body = bodyNode.asString().strip();
            }
            if (type != Change.Type.END && (party == null || party.isBlank())) {
                problems.add(new ScenarioProblem(number, "party", where + ": give 'party', a municipality code, "
                        + "a region's or another actor's id."));
            }
            if (type == Change.Type.JOIN) {
                role = role(text(json, "role"), number, where, "role", problems);
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new Change(number, type, body, start, type == Change.Type.END || type == Change.Type.START ? null
                : party.strip(), role, from);
    }

    private static Change.NewBody newBody(JsonNode json, int number, String where, List<ScenarioProblem> problems) {
        Form form = null;
        String formText = text(json, "form");
        try {
            form = Form.valueOf(formText == null ? "" : formText.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new ScenarioProblem(number, "body.form", where + ": 'form' " + (formText == null ? "is missing"
                    : "'" + formText + "' is not a form") + "; give JOINT_COMMITTEE, AGREEMENT, COMPANY or ASSOCIATION."));
        }
        List<String> areas = new ArrayList<>();
        JsonNode areaList = json.get("areas");
        if (areaList != null && areaList.isArray()) {
            areaList.forEach(a -> areas.add(a.asString()));
        }
        List<Change.NewParty> parties = new ArrayList<>();
        JsonNode partyList = json.get("parties");
        if (partyList != null && partyList.isArray()) {
            for (JsonNode p : partyList) {
                // a party is { "party", "role" }, or just its code (its role then follows from the form)
                String party = p.isString() ? p.asString() : text(p, "party");
                PartyRole role = p.isString() ? null : role(text(p, "role"), number, where, "body.parties", problems);
                if (party == null || party.isBlank()) {
                    problems.add(new ScenarioProblem(number, "body.parties", where + ": every party needs 'party'."));
                } else {
                    parties.add(new Change.NewParty(party.strip(), role));
                }
            }
        }
        // The contract's shorthand: "host": m names the HOST among the parties.
        String host = text(json, "host");
        if (host != null && !host.isBlank()) {
            List<Change.NewParty> withHost = new ArrayList<>();
            boolean named = false;
            for (Change.NewParty p : parties) {
                boolean isHost = p.party().equals(host.strip());
                named |= isHost;
                withHost.add(new Change.NewParty(p.party(), isHost ? PartyRole.HOST
                        : p.role() == PartyRole.HOST || p.role() == null ? PartyRole.PARTICIPANT : p.role()));
            }
            if (!named) {
                withHost.add(new Change.NewParty(host.strip(), PartyRole.HOST));
            }
            parties = withHost;
        }
        if (form != null) {
            PartyRole usual = form.partyRoles().contains(PartyRole.MEMBER) ? PartyRole.MEMBER : PartyRole.PARTICIPANT;
            parties = parties.stream().map(p -> p.role() == null ? new Change.NewParty(p.party(), usual) : p).toList();
        }
        return new Change.NewBody(text(json, "name"), form, areas, parties);
    }

    private static PartyRole role(String text, int number, String where, String field, List<ScenarioProblem> problems) {
        if (text == null || text.isBlank()) {
            return null; // the rules say which roles fit the form
        }
        try {
            return PartyRole.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new ScenarioProblem(number, field, where + ": '" + text + "' is not a role; give MEMBER, "
                    + "HOST or PARTICIPANT."));
            return null;
        }
    }

    private static LocalDate date(String text, int number, String field, String what, List<ScenarioProblem> problems) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(new ScenarioProblem(number, field, what + " '" + text + "' is not a date written YYYY-MM-DD."));
            return null;
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.isString() ? value.asString() : value.toString();
    }
}
