package se.samverkansvaven.coverage;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Service;
import se.samverkansvaven.audit.ChangeLog;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.database.CypherFiles;
import se.samverkansvaven.database.GraphRevisions;
import se.samverkansvaven.editing.EditExceptions;
import se.samverkansvaven.importing.BundleFiles;
import se.samverkansvaven.importing.BundleImporter;
import se.samverkansvaven.importing.CoverageKey;
import se.samverkansvaven.security.UserAccount;
import se.samverkansvaven.web.NotFoundException;
import se.samverkansvaven.web.Today;

/**
 * Coverage declarations through the editing API (docs/security.md): an editor of municipality m declares
 * "m's list of bodies of these forms is complete from D", or ends such a row. Like a body edit, each call is
 * one write transaction that locks the municipality, checks the coverage version and the user's scope,
 * passes the row through the loader's own rules and writer (a coverage-only bundle), raises the version and
 * records the audit trail; any refusal rolls everything back.
 */
@Service
class CoverageEdits {

    private static final String LOCK = CypherFiles.load("cypher/coverage/lock-municipality.cypher");
    private static final String BUMP_VERSION = CypherFiles.load("cypher/coverage/bump-version.cypher");

    private final Driver driver;
    private final GraphRevisions revisions;
    private final BundleImporter importer;
    private final Today today;

    CoverageEdits(Driver driver, GraphRevisions revisions, BundleImporter importer, Today today) {
        this.driver = driver;
        this.revisions = revisions;
        this.importer = importer;
        this.today = today;
    }

    /** A new row: the municipality's list of bodies of {@code forms} (empty: every form) is complete from {@code validFrom}. */
    CoverageController.State declare(UserAccount user, String code, Long version, String reason, List<String> forms,
            String validFrom, String source) {
        if (validFrom == null || validFrom.isBlank()) {
            throw new EditExceptions.Unprocessable("Give 'validFrom', the first day the list of bodies is complete.");
        }
        String sourceText = source == null || source.isBlank()
                ? "Declaration by " + user.username() + " (Samverkansväven editing API)" : source.strip();
        String formsCell = forms == null ? "" : String.join(";", forms.stream().map(String::strip).toList());
        return change(user, code, version, reason, (tx, rows) -> {
            // An identical open row is the same statement: declaring it again would change nothing.
            List<Form> parsed = parseQuietly(formsCell);
            LocalDate from = dateQuietly(validFrom);
            if (parsed != null && from != null) {
                String id = CoverageKey.id(code, parsed, from, sourceText);
                rows.stream().filter(r -> r.id().equals(id) && r.validTo() == null).findFirst().ifPresent(r -> {
                    throw new EditExceptions.Unprocessable("This is already declared: row " + id + " (" + describe(r) + ").");
                });
            }
            return new String[] {code, formsCell, validFrom, null, sourceText};
        }, (before, after) -> new ChangeLog.Entry("CREATE", "Coverage", code, field(after), null, text(after)));
    }

    /** Ends the row {@code rowId} on {@code validTo} (the first day it no longer holds). */
    CoverageController.State withdraw(UserAccount user, String code, Long version, String reason, String rowId,
            String validTo) {
        if (rowId == null || rowId.isBlank()) {
            throw new EditExceptions.Unprocessable("Give 'row', the id of the coverage row to end (from GET /api/coverage/" + code + ").");
        }
        if (validTo == null || validTo.isBlank()) {
            throw new EditExceptions.Unprocessable("Give 'validTo', the first day the list is no longer declared complete.");
        }
        return change(user, code, version, reason, (tx, rows) -> {
            CoverageRow row = rows.stream().filter(r -> r.id().equals(rowId.strip())).findFirst()
                    .orElseThrow(() -> new EditExceptions.Unprocessable(code + " has no coverage row " + rowId.strip() + "; its rows are "
                            + rows.stream().map(r -> r.id() + " (" + describe(r) + ")").toList()));
            return new String[] {code, CoverageKey.formsText(row.forms()), row.validFrom().toString(), validTo.strip(),
                    row.source()};
        }, (before, after) -> new ChangeLog.Entry("UPDATE", "Coverage", code, field(after), text(before), text(after)));
    }

    private interface RowMaker {
        String[] row(TransactionContext tx, List<CoverageRow> rows);
    }

    private interface Audit {
        ChangeLog.Entry entry(CoverageRow before, CoverageRow after);
    }

    private CoverageController.State change(UserAccount user, String code, Long version, String reason, RowMaker maker,
            Audit audit) {
        if (version == null) {
            throw new EditExceptions.Unprocessable("Send the coverage version (from GET /api/coverage/" + code + ") with every change, "
                    + "so a change made meanwhile is not overwritten.");
        }
        try (var session = driver.session()) {
            return revisions.write(session, tx -> {
                var locked = tx.run(LOCK, Map.of("code", code)).list();
                if (locked.isEmpty()) {
                    throw new NotFoundException("No municipality has code " + code + ".");
                }
                long stored = locked.getFirst().get("version").asLong();
                if (version != stored) {
                    throw new EditExceptions.StaleVersion("The coverage of " + code + " was changed meanwhile: you sent version " + version
                            + ", the stored one is " + stored + ". The current state is in 'current'.", state(tx, code));
                }
                if (!mayEdit(user, code)) {
                    throw new EditExceptions.OutOfScope("Only an editor of municipality " + code + " (scope municipality:" + code
                            + ") may declare or end its coverage; your scopes are " + user.scopes() + ". Nothing was changed.");
                }
                List<CoverageRow> rows = history(tx, code);
                String[] row = maker.row(tx, rows);
                importer.importInTransaction(tx, bundle(row));
                List<CoverageRow> after = history(tx, code);
                CoverageRow changed = after.stream().filter(r -> !rows.contains(r)).findFirst().orElse(null);
                if (changed == null) {
                    throw new EditExceptions.Unprocessable("Nothing would change: the row is already so.");
                }
                CoverageRow previous = rows.stream().filter(r -> r.id().equals(changed.id())).findFirst().orElse(null);
                tx.run(BUMP_VERSION, Map.of("code", code)).consume();
                ChangeLog.record(tx, user.username(), reason, List.of(audit.entry(previous, changed)));
                return state(tx, code);
            });
        }
    }

    /** ADMIN: every municipality; EDITOR: the municipalities of its {@code municipality:CODE} scopes. */
    static boolean mayEdit(UserAccount user, String code) {
        return user.isAdmin() || user.scopes().contains("municipality:" + code);
    }

    private CoverageController.State state(TransactionContext tx, String code) {
        var m = tx.run(CoverageController.STATE, Map.of("code", code)).single();
        LocalDate date = today.date();
        return new CoverageController.State(code, m.get("name").asString(), m.get("version").asLong(), date,
                history(tx, code).stream().map(r -> CoverageController.Row.of(r, date)).toList());
    }

    private static List<CoverageRow> history(TransactionContext tx, String code) {
        return tx.run(CoverageReader.HISTORY, Map.of("code", code)).list(CoverageReader::row);
    }

    /** A bundle of this one coverage row, with the required bodies.csv and parties.csv empty. */
    private static BundleFiles bundle(String[] row) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("bodies.csv", "id,form,name,sector,level,governance,seat_code,valid_from,valid_to,source\n"
                .getBytes(StandardCharsets.UTF_8));
        files.put("parties.csv", "body_id,party,role,valid_from,valid_to,representative,source\n"
                .getBytes(StandardCharsets.UTF_8));
        StringBuilder csv = new StringBuilder("municipality,forms,valid_from,valid_to,source\n");
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            if (row[i] != null && !row[i].isEmpty()) {
                csv.append('"').append(row[i].replace("\"", "\"\"")).append('"');
            }
        }
        files.put("coverage.csv", csv.append('\n').toString().getBytes(StandardCharsets.UTF_8));
        return BundleFiles.of(files);
    }

    private static String field(CoverageRow row) {
        return "coverage " + (row.forms().isEmpty() ? "every form" : CoverageKey.formsText(row.forms()))
                + " from " + row.validFrom();
    }

    private static String text(CoverageRow row) {
        return row == null ? null : describe(row) + ", source: " + row.source();
    }

    private static String describe(CoverageRow row) {
        return (row.forms().isEmpty() ? "every form" : CoverageKey.formsText(row.forms())) + " from " + row.validFrom()
                + (row.validTo() == null ? "" : " until " + row.validTo());
    }

    private static List<Form> parseQuietly(String cell) {
        List<Form> forms = new ArrayList<>();
        if (cell.isEmpty()) {
            return forms;
        }
        try {
            for (String name : cell.split(";")) {
                forms.add(Form.valueOf(name.strip()));
            }
        } catch (IllegalArgumentException e) {
            return null; // the loader reports it
        }
        return forms.stream().distinct().count() == forms.size() ? forms.stream().sorted().toList() : null;
    }

    private static LocalDate dateQuietly(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null; // the loader reports it
        }
    }
}
