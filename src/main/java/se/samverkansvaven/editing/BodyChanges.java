package se.samverkansvaven.editing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import se.samverkansvaven.security.UserAccount;

/**
 * Several changes to bodies taken as one (a scenario's, {@code analysis.scenario}): each becomes the editing API's
 * own operation on the body's state (a join is a new party row, a leave ends the row, a host hand-over is the role
 * change of the old and the new host, a start is a creation, an end gives the body and its running rows a validTo),
 * and the resulting states pass the loader's rules like any edit. {@link #check} does it without writing;
 * {@link #apply} writes all of it in one transaction with versions, scope and audit, or nothing.
 */
@Service
public class BodyChanges {

    public enum Kind { JOIN, LEAVE, HOST, START, END }

    /**
     * One change.
     *
     * @param number   its number (from 1), what problems name it by
     * @param label    how messages name it, e.g. "change 2 (JOIN 1497 → ill-gn-it-ostra-skaraborg)"
     * @param body     the body changed; for a START the key later changes use for the new body
     * @param started  for a START, the new body (id, form, name, areas, parties with their roles), else null
     */
    public record Step(int number, String label, Kind kind, String body, String party, String role, LocalDate from,
                       BodyState started) {}

    /** Something wrong with a change. {@code stale}: it no longer fits the graph (409), else it breaks a rule (422). */
    public record Problem(int number, String message, boolean stale) {}

    /** A body written by {@link #apply}: by the change that last touched it, with its new version. */
    public record Applied(int number, String body, long version) {}

    /** The changes refused: every problem, nothing written. */
    public static final class Refused extends RuntimeException {
        private final List<Problem> problems;

        Refused(List<Problem> problems) {
            super(String.join(" ", problems.stream().map(Problem::message).toList()));
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }

        public boolean stale() {
            return problems.stream().anyMatch(Problem::stale);
        }
    }

    /** A change outside the user's editing scope (403), named. */
    public static final class OutOfScope extends RuntimeException {
        OutOfScope(String message) {
            super(message);
        }
    }

    private final EditService service;

    BodyChanges(EditService service) {
        this.service = service;
    }

    /** The changes' resulting states checked with the loader's rules, without writing; empty when all pass. */
    public List<Problem> check(List<Step> steps, String source) {
        return service.checkChanges(steps, source);
    }

    /**
     * Writes every change in one transaction, or nothing.
     *
     * @param versions the version each existing body had when the changes were made; another version now is stale
     * @throws Refused     stale or invalid changes
     * @throws OutOfScope  a change the user may not make
     */
    public List<Applied> apply(UserAccount user, List<Step> steps, Map<String, Long> versions, String source,
                               String reason) {
        return service.applyChanges(user, steps, versions, source, reason);
    }

    /**
     * The bodies' states after the steps, in the order first touched, from {@code read(id)} for a stored body;
     * problems (stale: the body's rows no longer allow the change) are added to {@code problems}.
     */
    static Map<String, Touched> transform(List<Step> steps, java.util.function.Function<String, BodyState> read,
                                          String source, List<Problem> problems) {
        Map<String, Touched> states = new LinkedHashMap<>();
        for (Step s : steps) {
            if (s.kind() == Kind.START) {
                states.put(s.body(), new Touched(null, s.started(), s.number()));
                continue;
            }
            Touched t = states.get(s.body());
            if (t == null) {
                BodyState stored = read.apply(s.body());
                if (stored == null) {
                    problems.add(new Problem(s.number(), s.label() + ": the body " + s.body() + " no longer exists.", true));
                    continue;
                }
                t = new Touched(stored, stored, s.number());
            }
            BodyState state = t.after();
            String from = s.from().toString();
            BodyState next = switch (s.kind()) {
                case JOIN -> {
                    if (activeRow(state, s.party(), s.from()) != null) {
                        problems.add(new Problem(s.number(), s.label() + ": " + s.party() + " is already a party of "
                                + s.body() + " on " + from + ".", true));
                        yield null;
                    }
                    yield state.withParties(state.partiesPlus(new BodyState.Party(s.party(), s.role(), from, null, null,
                            source)));
                }
                case LEAVE -> {
                    BodyState.Party row = activeRow(state, s.party(), s.from());
                    if (row == null) {
                        problems.add(new Problem(s.number(), s.label() + ": " + s.party() + " is not a party of "
                                + s.body() + " on " + from + ".", true));
                        yield null;
                    }
                    yield state.withParties(replace(state.parties(), row, List.of(ended(row, from))));
                }
                case HOST -> {
                    BodyState.Party host = state.parties().stream()
                            .filter(p -> "HOST".equals(p.role()) && active(p, s.from())).findFirst().orElse(null);
                    if (host != null && host.party().equals(s.party())) {
                        problems.add(new Problem(s.number(), s.label() + ": " + s.party() + " already hosts "
                                + s.body() + " on " + from + ".", true));
                        yield null;
                    }
                    List<BodyState.Party> rows = new ArrayList<>(state.parties());
                    if (host != null) {
                        rows = replace(rows, host, List.of(ended(host, from), new BodyState.Party(host.party(),
                                "PARTICIPANT", from, host.validTo(), host.representative(), host.source())));
                    }
                    BodyState.Party joining = activeRow(state, s.party(), s.from());
                    if (joining != null) {
                        rows = replace(rows, joining, List.of(ended(joining, from), new BodyState.Party(joining.party(),
                                "HOST", from, joining.validTo(), joining.representative(), joining.source())));
                    } else {
                        rows.add(new BodyState.Party(s.party(), "HOST", from, null, null, source));
                    }
                    yield state.withParties(rows);
                }
                case END -> {
                    List<BodyState.Party> rows = state.parties().stream()
                            .map(p -> runsPast(p.validTo(), s.from()) ? ended(p, from) : p).toList();
                    List<BodyState.Link> links = state.links().stream()
                            .map(l -> runsPast(l.validTo(), s.from())
                                    ? new BodyState.Link(l.network(), l.kind(), l.validFrom(), from, l.source()) : l)
                            .toList();
                    yield new BodyState(state.id(), state.form(), state.name(), state.sector(), state.level(),
                            state.governance(), state.seat(), state.validFrom(), from, state.source(), state.version(),
                            rows, state.areas(), state.goals(), links);
                }
                case START -> throw new IllegalStateException();
            };
            if (next != null) {
                states.put(s.body(), new Touched(t.before(), next, s.number()));
            }
        }
        return states;
    }

    /** A body's stored state (null for a new one) and its state after the changes; {@code last}: the last change. */
    record Touched(BodyState before, BodyState after, int last) {}

    private static BodyState.Party activeRow(BodyState state, String party, LocalDate on) {
        return state.parties().stream().filter(p -> p.party().equals(party) && !"CONVENER".equals(p.role())
                && active(p, on)).findFirst().orElse(null);
    }

    private static boolean active(BodyState.Party p, LocalDate on) {
        return (p.validFrom() == null || !LocalDate.parse(p.validFrom()).isAfter(on)) && runsPast(p.validTo(), on);
    }

    private static boolean runsPast(String validTo, LocalDate on) {
        return validTo == null || validTo.isEmpty() || LocalDate.parse(validTo).isAfter(on);
    }

    private static BodyState.Party ended(BodyState.Party p, String to) {
        return new BodyState.Party(p.party(), p.role(), p.validFrom(), to, p.representative(), p.source());
    }

    private static List<BodyState.Party> replace(List<BodyState.Party> rows, BodyState.Party row,
                                                 List<BodyState.Party> with) {
        List<BodyState.Party> out = new ArrayList<>();
        for (BodyState.Party p : rows) {
            if (Objects.equals(p, row)) {
                out.addAll(with);
            } else {
                out.add(p);
            }
        }
        return out;
    }
}
