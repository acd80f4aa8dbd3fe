package se.samverkansvaven.editing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.neo4j.driver.Driver;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Service;
import se.samverkansvaven.audit.ChangeLog;
import se.samverkansvaven.database.CypherFiles;
import se.samverkansvaven.database.GraphRevisions;
import se.samverkansvaven.importing.BundleError;
import se.samverkansvaven.importing.BundleImporter;
import se.samverkansvaven.importing.BundleRejectedException;
import se.samverkansvaven.importing.CreatedMeanwhileException;
import se.samverkansvaven.importing.InputLimits;
import se.samverkansvaven.security.UserAccount;
import se.samverkansvaven.web.NotFoundException;
import se.samverkansvaven.web.Today;

/**
 * Creates, changes and purges bodies. Each call is one write transaction that locks the body, checks the
 * version and the user's scope, turns the resulting state into a one-body bundle that the loader validates
 * and writes, raises the version and records the audit trail; any refusal rolls everything back.
 */
@Service
class EditService {

    private static final String LOCK = CypherFiles.load("cypher/editing/lock-body.cypher");
    private static final String BUMP_VERSION = CypherFiles.load("cypher/editing/bump-version.cypher");
    private static final String PURGE = CypherFiles.load("cypher/editing/purge-body.cypher");

    private final Driver driver;
    private final GraphRevisions revisions;
    private final BundleImporter importer;
    private final InputLimits limits;
    private final Today today;

    EditService(Driver driver, GraphRevisions revisions, BundleImporter importer, InputLimits limits, Today today) {
        this.driver = driver;
        this.revisions = revisions;
        this.importer = importer;
        this.limits = limits;
        this.today = today;
    }

    BodyState read(String id) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> BodyStateReader.read(tx, id))
                    .orElseThrow(() -> new NotFoundException("No body has id '" + id + "'."));
        }
    }

    /** Whether the user may change the body now (the same check as a change makes); false for no user. */
    boolean mayEdit(java.util.Optional<UserAccount> user, String id) {
        BodyState state = read(id);
        return user.isPresent() && EditScope.mayEdit(user.get(), state, today.date());
    }

    BodyState create(UserAccount user, BodyState state, String reason) {
        checkLengths(state);
        try (var session = driver.session()) {
            return revisions.write(session, tx -> {
                if (state.id() != null && BodyStateReader.read(tx, state.id()).isPresent()) {
                    throw new EditExceptions.StaleVersion("A body with id '" + state.id() + "' exists already; "
                            + "change it with PUT /api/bodies/" + state.id() + ".", BodyStateReader.read(tx, state.id()).get());
                }
                if (!EditScope.mayEdit(user, state, today.date())) {
                    throw new EditExceptions.OutOfScope("You may create only bodies that one of your municipalities "
                            + "or federations " + user.scopes() + " is a party to or convenes.");
                }
                importer.createInTransaction(tx, OneBodyBundle.of(state));
                return finish(tx, user, reason, "CREATE", null, state.id());
            });
        } catch (CreatedMeanwhileException | org.neo4j.driver.exceptions.ClientException e) {
            // Another request created the id after this one found it free: answered as if it had come first.
            boolean race = e instanceof CreatedMeanwhileException || BundleImporter.isCreationRace(e);
            var current = race && state.id() != null ? find(state.id()) : null;
            if (current == null) {
                throw e;
            }
            throw new EditExceptions.StaleVersion("A body with id '" + state.id() + "' was created meanwhile; "
                    + "change it with PUT /api/bodies/" + state.id() + ". The current state is in 'current'.", current);
        }
    }

    private BodyState find(String id) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> BodyStateReader.read(tx, id)).orElse(null);
        }
    }

    /** Replaces the body's state with {@code change(current)}, when {@code version} is the stored version. */
    BodyState update(UserAccount user, String id, Long version, String reason, UnaryOperator<BodyState> change) {
        if (version == null) {
            throw new EditExceptions.Unprocessable("Send the body's version (from GET /api/bodies/" + id
                    + "/state) with every change, so a change made meanwhile is not overwritten.");
        }
        try (var session = driver.session()) {
            return revisions.write(session, tx -> {
                BodyState before = lockAndRead(tx, id);
                if (!version.equals(before.version())) {
                    throw new EditExceptions.StaleVersion("The body was changed meanwhile: you sent version " + version
                            + ", the stored one is " + before.version() + ". The current state is in 'current'.", before);
                }
                if (!EditScope.mayEdit(user, before, today.date())) {
                    throw new EditExceptions.OutOfScope("None of your municipalities or federations " + user.scopes()
                            + " is a current party to or convenes " + id + "; nothing was changed.");
                }
                BodyState after = change.apply(before);
                if (!id.equals(after.id())) {
                    throw new EditExceptions.Unprocessable("The id in the body (" + after.id() + ") is not the id in the "
                            + "path (" + id + "); an id cannot be changed.");
                }
                checkLengths(after);
                checkNothingOmitted(before, after);
                importer.importInTransaction(tx, OneBodyBundle.of(after));
                return finish(tx, user, reason, "UPDATE", before, id);
            });
        }
    }

    /** Deletes the body and its relationships for good (ADMIN only, checked by the web layer), recorded. */
    void purge(UserAccount user, String id, Long version, String reason) {
        try (var session = driver.session()) {
            revisions.writeWithoutResult(session, tx -> {
                BodyState before = lockAndRead(tx, id);
                if (!user.isAdmin()) {
                    throw new EditExceptions.OutOfScope("Only an administrator may purge.");
                }
                if (version != null && !version.equals(before.version())) {
                    throw new EditExceptions.StaleVersion("The body was changed meanwhile: you sent version " + version
                            + ", the stored one is " + before.version() + ".", before);
                }
                List<ChangeLog.Entry> entries = new ArrayList<>(StateDiff.between("PURGE", before, null));
                entries.add(new ChangeLog.Entry("PURGE", "Body", id, "body", before.name() + " (" + before.form()
                        + ", version " + before.version() + ")", null));
                tx.run(PURGE, Map.of("id", id)).consume();
                ChangeLog.record(tx, user.username(), reason, entries);
                GraphRevisions.bump(tx);
            });
        }
    }

    /** {@link BodyChanges#check}: the changes' resulting states through the loader's validator, in a read transaction. */
    List<BodyChanges.Problem> checkChanges(List<BodyChanges.Step> steps, String source) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                List<BodyChanges.Problem> problems = new ArrayList<>();
                var states = BodyChanges.transform(steps, id -> BodyStateReader.read(tx, id).orElse(null), source,
                        problems);
                states.forEach((key, touched) -> {
                    if (touched.before() == null && BodyStateReader.read(tx, touched.after().id()).isPresent()) {
                        problems.add(new BodyChanges.Problem(touched.last(), label(steps, touched.last())
                                + ": a body with id " + touched.after().id() + " exists already.", true));
                        return;
                    }
                    try {
                        importer.validateInTransaction(tx, OneBodyBundle.of(touched.after()));
                    } catch (BundleRejectedException e) {
                        e.errors().forEach(error -> problems.add(new BodyChanges.Problem(touched.last(),
                                label(steps, touched.last()) + ": " + error, false)));
                    }
                });
                return problems;
            });
        }
    }

    /**
     * {@link BodyChanges#apply}: one write transaction that locks every body touched (in id order), checks that each
     * is at the version the changes were made against, checks the user's scope, writes every resulting state through
     * the loader and records each in the audit trail; any refusal rolls all of it back.
     */
    List<BodyChanges.Applied> applyChanges(UserAccount user, List<BodyChanges.Step> steps, Map<String, Long> versions,
                                           String source, String reason) {
        try (var session = driver.session()) {
            return revisions.write(session, tx -> {
                List<BodyChanges.Problem> problems = new ArrayList<>();
                java.util.SortedMap<String, BodyState> locked = new java.util.TreeMap<>();
                java.util.Set<String> started = new java.util.HashSet<>();
                steps.stream().filter(s -> s.kind() == BodyChanges.Kind.START).forEach(s -> started.add(s.body()));
                for (String id : new java.util.TreeSet<>(steps.stream().map(BodyChanges.Step::body)
                        .filter(id -> !started.contains(id)).toList())) {
                    if (tx.run(LOCK, Map.of("id", id)).hasNext()) {
                        BodyState current = BodyStateReader.read(tx, id).orElseThrow();
                        locked.put(id, current);
                        Long expected = versions.get(id);
                        if (expected != null && !expected.equals(current.version())) {
                            int first = steps.stream().filter(s -> s.body().equals(id)).findFirst().orElseThrow().number();
                            problems.add(new BodyChanges.Problem(first, label(steps, first) + ": " + id + " was changed "
                                    + "since the scenario was made (version " + expected + ", now " + current.version()
                                    + ").", true));
                        }
                    }
                }
                var states = BodyChanges.transform(steps, locked::get, source, problems);
                if (!problems.isEmpty()) {
                    throw new BodyChanges.Refused(problems);
                }
                for (var touched : states.values()) {
                    BodyState scopeState = touched.before() != null ? touched.before() : touched.after();
                    if (!EditScope.mayEdit(user, scopeState, today.date())) {
                        throw new BodyChanges.OutOfScope(label(steps, touched.last()) + ": none of your municipalities "
                                + "or federations " + user.scopes() + " is a current party to " + (touched.before() != null
                                ? "or convenes " + touched.after().id() : "the new body") + "; nothing was changed.");
                    }
                }
                List<BodyChanges.Applied> applied = new ArrayList<>();
                for (var touched : states.values()) {
                    BodyState after = touched.after();
                    checkLengths(after);
                    try {
                        if (touched.before() == null) {
                            importer.createInTransaction(tx, OneBodyBundle.of(after));
                        } else {
                            checkNothingOmitted(touched.before(), after);
                            importer.importInTransaction(tx, OneBodyBundle.of(after));
                        }
                    } catch (BundleRejectedException e) {
                        e.errors().forEach(error -> problems.add(new BodyChanges.Problem(touched.last(),
                                label(steps, touched.last()) + ": " + error, false)));
                        continue;
                    } catch (CreatedMeanwhileException e) {
                        problems.add(new BodyChanges.Problem(touched.last(), label(steps, touched.last())
                                + ": a body with id " + after.id() + " exists already.", true));
                        continue;
                    }
                    BodyState written = finish(tx, user, reason, touched.before() == null ? "CREATE" : "UPDATE",
                            touched.before(), after.id());
                    applied.add(new BodyChanges.Applied(touched.last(), written.id(), written.version()));
                }
                if (!problems.isEmpty()) {
                    throw new BodyChanges.Refused(problems);
                }
                return applied;
            });
        }
    }

    private static String label(List<BodyChanges.Step> steps, int number) {
        return steps.stream().filter(s -> s.number() == number).map(BodyChanges.Step::label).findFirst()
                .orElse("change " + number);
    }

    /** Takes the body's write lock first, so concurrent editors of one body queue instead of racing. */
    private static BodyState lockAndRead(TransactionContext tx, String id) {
        boolean exists = tx.run(LOCK, Map.of("id", id)).hasNext();
        if (!exists) {
            throw new NotFoundException("No body has id '" + id + "'.");
        }
        return BodyStateReader.read(tx, id).orElseThrow();
    }

    private BodyState finish(TransactionContext tx, UserAccount user, String reason, String action,
            BodyState before, String id) {
        tx.run(BUMP_VERSION, Map.of("id", id)).consume();
        BodyState after = BodyStateReader.read(tx, id).orElseThrow();
        ChangeLog.record(tx, user.username(), reason, StateDiff.between(action, before, after));
        return after;
    }

    /**
     * Party rows and network links are cooperations with dates: they end with a validTo, they are never
     * deleted by an edit (only a purge deletes). A full state that leaves one out would otherwise delete a
     * party row (the loader replaces them) or silently keep a link (the loader upserts links), so it is
     * refused, naming each row and how to end it. Areas and goals carry no dates; their list is replaced.
     */
    private static void checkNothingOmitted(BodyState before, BodyState after) {
        List<BundleError> errors = new ArrayList<>();
        for (BodyState.Party row : before.parties()) {
            if (after.parties().stream().noneMatch(p -> p.sameRow(row.party(), row.role(), row.validFrom()))) {
                errors.add(new BundleError("parties.csv", 0, "party", "the party row " + row.key() + " ("
                        + row.text() + ") is missing; a party row is never deleted by an edit: keep it in 'parties' "
                        + "and give it a validTo to end it (or POST /api/bodies/" + before.id() + "/parties/leave)"));
            }
        }
        for (BodyState.Link link : before.links()) {
            if (after.links().stream().noneMatch(l -> l.sameLink(link))) {
                errors.add(new BundleError("links.csv", 0, "b", "the link with " + link.key() + " (" + link.text()
                        + ") is missing; a link is never deleted by an edit: keep it in 'links' and give it a validTo "
                        + "to end it"));
            }
        }
        if (!errors.isEmpty()) {
            throw new BundleRejectedException(errors);
        }
    }

    /** Field length is bounded, so a megabyte "name" is a clear 422 rather than a bloated graph. */
    private void checkLengths(BodyState s) {
        List<BundleError> errors = new ArrayList<>();
        check(errors, "bodies.csv", 2, "name", s.name());
        check(errors, "bodies.csv", 2, "source", s.source());
        check(errors, "bodies.csv", 2, "id", s.id());
        int line = 2;
        for (BodyState.Party p : s.parties()) {
            check(errors, "parties.csv", line, "representative", p.representative());
            check(errors, "parties.csv", line, "source", p.source());
            check(errors, "parties.csv", line, "party", p.party());
            line++;
        }
        line = 2;
        for (BodyState.Link l : s.links()) {
            check(errors, "links.csv", line++, "source", l.source());
        }
        if (!errors.isEmpty()) {
            throw new BundleRejectedException(errors);
        }
    }

    private void check(List<BundleError> errors, String file, int line, String column, String value) {
        if (value != null && value.length() > limits.fieldLength()) {
            errors.add(new BundleError(file, line, column, "the value has " + value.length()
                    + " characters; the most allowed is " + limits.fieldLength()));
        }
    }
}
