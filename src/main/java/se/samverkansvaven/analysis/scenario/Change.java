package se.samverkansvaven.analysis.scenario;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.body.PartyRole;

/**
 * One hypothetical change of a scenario (docs/scenarios.md): a party joins or leaves a body, a host is handed
 * over, a body starts or ends, on {@code from}.
 *
 * @param number the change's number in its scenario, from 1 (what errors and answers name it by)
 * @param body   the body changed; for START the id the scenario gives the new body ({@code scenario-<number>})
 * @param start  the new body of a START, else null
 * @param party  the party of JOIN, LEAVE and HOST, else null
 * @param role   the role of a JOIN, else null
 */
public record Change(int number, Type type, String body, NewBody start, String party, PartyRole role, LocalDate from) {

    public enum Type { JOIN, LEAVE, HOST, START, END }

    /** A body a START creates: what a director knows before it exists. */
    public record NewBody(String name, Form form, List<String> areas, List<NewParty> parties) {
        public NewBody {
            areas = List.copyOf(areas);
            parties = List.copyOf(parties);
        }
    }

    public record NewParty(String party, PartyRole role) {}

    /** The forms a START may create: the ones a scenario can describe fully (no seat, sector or level needed). */
    static final List<Form> STARTABLE = List.of(Form.JOINT_COMMITTEE, Form.AGREEMENT, Form.COMPANY, Form.ASSOCIATION);

    /** "change 2 (JOIN 1497 → ill-gn-it-ostra-skaraborg)": how messages name the change. */
    String label() {
        return "change " + number + " (" + summary() + ")";
    }

    String summary() {
        return switch (type) {
            case JOIN -> "JOIN " + party + " → " + body;
            case LEAVE -> "LEAVE " + party + " ← " + body;
            case HOST -> "HOST " + party + " → " + body;
            case START -> "START " + (start == null ? body : start.name());
            case END -> "END " + body;
        };
    }

    /** The change as the API writes it: the request's fields, the assigned id of a START, and a label each language. */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", type.name());
        if (type == Type.START) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("id", body);
            b.put("name", start.name());
            b.put("form", start.form().name());
            b.put("areas", start.areas());
            b.put("parties", start.parties().stream()
                    .map(p -> Map.of("party", p.party(), "role", p.role().name())).toList());
            json.put("body", b);
        } else {
            json.put("body", body);
        }
        if (party != null) {
            json.put("party", party);
        }
        if (role != null) {
            json.put("role", role.name());
        }
        json.put("from", from.toString());
        json.put("label_sv", labelSv());
        json.put("label_en", summaryEn());
        return json;
    }

    private String labelSv() {
        return switch (type) {
            case JOIN -> party + " går med i " + body + " som " + role + " från " + from;
            case LEAVE -> party + " lämnar " + body + " från " + from;
            case HOST -> party + " blir värd för " + body + " från " + from;
            case START -> start.name() + " (" + start.form() + ") startar " + from;
            case END -> body + " upphör " + from;
        };
    }

    private String summaryEn() {
        return switch (type) {
            case JOIN -> party + " joins " + body + " as " + role + " from " + from;
            case LEAVE -> party + " leaves " + body + " from " + from;
            case HOST -> party + " becomes host of " + body + " from " + from;
            case START -> start.name() + " (" + start.form() + ") starts " + from;
            case END -> body + " ends " + from;
        };
    }
}
