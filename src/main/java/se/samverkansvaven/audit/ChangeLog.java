package se.samverkansvaven.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.neo4j.driver.TransactionContext;
import se.samverkansvaven.database.CypherFiles;

/**
 * Writes the audit trail inside the caller's write transaction, so a change and its record commit or roll
 * back together: one {@code :Change} node per changed field, linked {@code -[:CHANGED]->} to the body it is
 * about (while that exists), or to the municipality whose coverage changed. docs/security.md lists the
 * properties.
 */
public final class ChangeLog {

    /** One changed field. {@code before} / {@code after} are display text, null for "no value". */
    public record Entry(String action, String entityType, String entityId, String field, String before, String after) {}

    private static final String RECORD = CypherFiles.load("cypher/audit/record-changes.cypher");

    /** Longest before/after text kept; the rest is cut with a note, so a huge field cannot bloat the trail. */
    static final int MAX_TEXT = 4000;

    private ChangeLog() {}

    public static void record(TransactionContext tx, String user, String reason, List<Entry> entries) {
        record((query, params) -> tx.run(query, params).consume(), user, reason, entries);
    }

    /**
     * {@link #record(TransactionContext, String, String, List)} through whatever runs the caller's transaction's
     * statements (importing's in-process load on the embedded database).
     */
    public static void record(java.util.function.BiConsumer<String, Map<String, Object>> run, String user, String reason,
            List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Entry e : entries) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", UUID.randomUUID().toString());
            row.put("action", e.action());
            row.put("entityType", e.entityType());
            row.put("entityId", e.entityId());
            row.put("field", e.field());
            row.put("before", cut(e.before()));
            row.put("after", cut(e.after()));
            rows.add(row);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("rows", rows);
        params.put("user", user);
        params.put("reason", reason == null || reason.isBlank() ? null : cut(reason.strip()));
        run.accept(RECORD, params);
    }

    private static String cut(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + " … (cut)";
    }
}
