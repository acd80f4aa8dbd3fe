package se.samverkansvaven.editing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import se.samverkansvaven.audit.ChangeLog;

/** The audit entries between two states of a body: one per changed field, party row, area, goal or link. */
final class StateDiff {

    private StateDiff() {}

    static List<ChangeLog.Entry> between(String action, BodyState before, BodyState after) {
        String id = after != null ? after.id() : before.id();
        List<ChangeLog.Entry> entries = new ArrayList<>();
        Map<String, String[]> fields = new LinkedHashMap<>();
        fields.put("form", new String[] {get(before, BodyState::form), get(after, BodyState::form)});
        fields.put("name", new String[] {get(before, BodyState::name), get(after, BodyState::name)});
        fields.put("sector", new String[] {get(before, BodyState::sector), get(after, BodyState::sector)});
        fields.put("level", new String[] {get(before, BodyState::level), get(after, BodyState::level)});
        fields.put("governance", new String[] {get(before, BodyState::governance), get(after, BodyState::governance)});
        fields.put("seat", new String[] {get(before, BodyState::seat), get(after, BodyState::seat)});
        fields.put("validFrom", new String[] {get(before, BodyState::validFrom), get(after, BodyState::validFrom)});
        fields.put("validTo", new String[] {get(before, BodyState::validTo), get(after, BodyState::validTo)});
        fields.put("source", new String[] {get(before, BodyState::source), get(after, BodyState::source)});
        fields.forEach((field, values) -> {
            if (!Objects.equals(values[0], values[1])) {
                entries.add(new ChangeLog.Entry(action, "Body", id, field, values[0], values[1]));
            }
        });
        keyed(action, id, "party ", entries,
                rows(before, s -> s.parties(), BodyState.Party::key, BodyState.Party::text),
                rows(after, s -> s.parties(), BodyState.Party::key, BodyState.Party::text));
        keyed(action, id, "link ", entries,
                rows(before, s -> s.links(), BodyState.Link::key, BodyState.Link::text),
                rows(after, s -> s.links(), BodyState.Link::key, BodyState.Link::text));
        keyed(action, id, "area ", entries, rows(before, s -> s.areas(), a -> a, a -> "covered"),
                rows(after, s -> s.areas(), a -> a, a -> "covered"));
        keyed(action, id, "goal ", entries, rows(before, s -> s.goals(), g -> g, g -> "works on"),
                rows(after, s -> s.goals(), g -> g, g -> "works on"));
        return entries;
    }

    private static String get(BodyState state, java.util.function.Function<BodyState, String> field) {
        return state == null ? null : field.apply(state);
    }

    private static <T> Map<String, String> rows(BodyState state, java.util.function.Function<BodyState, List<T>> list,
            java.util.function.Function<T, String> key, java.util.function.Function<T, String> text) {
        Map<String, String> rows = new LinkedHashMap<>();
        if (state != null) {
            list.apply(state).forEach(row -> rows.put(key.apply(row), text.apply(row)));
        }
        return rows;
    }

    private static void keyed(String action, String id, String prefix, List<ChangeLog.Entry> entries,
            Map<String, String> before, Map<String, String> after) {
        var keys = new TreeSet<String>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            if (!Objects.equals(before.get(key), after.get(key))) {
                entries.add(new ChangeLog.Entry(action, "Body", id, prefix + key, before.get(key), after.get(key)));
            }
        }
    }
}
