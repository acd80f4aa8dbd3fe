package se.samverkansvaven.importing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.TransactionContext;
import se.samverkansvaven.body.ActorKind;
import se.samverkansvaven.database.CypherFiles;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.importing.ValidBundle.BodyRow;
import se.samverkansvaven.importing.ValidBundle.LinkRow;
import se.samverkansvaven.importing.ValidBundle.PartyKind;
import se.samverkansvaven.importing.ValidBundle.PartyRow;

/**
 * Reads the reference sets and writes a valid bundle, inside a transaction the caller owns, following
 * docs/model.md. Every statement is parameterised and runs in UNWIND batches.
 */
final class BundleWriter {

    static final int BATCH = 10_000;

    private final String reference = CypherFiles.load("cypher/importing/reference.cypher");
    private final String upsertActors = CypherFiles.load("cypher/importing/upsert-actors.cypher");
    private final String upsertGoals = CypherFiles.load("cypher/importing/upsert-goals.cypher");
    private final String upsertBodies = CypherFiles.load("cypher/importing/upsert-bodies.cypher");
    private final String createBodies = CypherFiles.load("cypher/importing/create-bodies.cypher");
    private final String createBodyRelations = CypherFiles.load("cypher/importing/create-body-relations.cypher");
    private final String existingBodies = CypherFiles.load("cypher/importing/existing-bodies.cypher");
    private final String existingRows = CypherFiles.load("cypher/importing/existing-rows.cypher");
    private final String deleteRelationships = CypherFiles.load("cypher/importing/delete-relationships.cypher");
    private final String updateRelationships = CypherFiles.load("cypher/importing/update-relationships.cypher");
    private final Map<PartyKind, String> createPartyTo = new EnumMap<>(Map.of(
            PartyKind.MUNICIPALITY, CypherFiles.load("cypher/importing/create-party-to-municipality.cypher"),
            PartyKind.ACTOR, CypherFiles.load("cypher/importing/create-party-to-actor.cypher"),
            PartyKind.BODY, CypherFiles.load("cypher/importing/create-party-to-body.cypher")));
    private final Map<PartyKind, String> createConvenes = new EnumMap<>(Map.of(
            PartyKind.MUNICIPALITY, CypherFiles.load("cypher/importing/create-convenes-municipality.cypher"),
            PartyKind.ACTOR, CypherFiles.load("cypher/importing/create-convenes-actor.cypher"),
            PartyKind.BODY, CypherFiles.load("cypher/importing/create-convenes-body.cypher")));
    private final String replaceBodyRelations = CypherFiles.load("cypher/importing/replace-body-relations.cypher");
    private final String existingLinks = CypherFiles.load("cypher/importing/existing-links.cypher");
    private final String createLinks = CypherFiles.load("cypher/importing/create-links.cypher");
    private final String mergeGoalRelations = CypherFiles.load("cypher/importing/merge-goal-relations.cypher");
    private final String existingCoverage = CypherFiles.load("cypher/importing/existing-coverage.cypher");
    private final String createCoverage = CypherFiles.load("cypher/importing/create-coverage.cypher");
    private final String updateCoverage = CypherFiles.load("cypher/importing/update-coverage.cypher");
    private final String lockBodies = CypherFiles.load("cypher/importing/lock-bodies.cypher");
    private final String coverageById = CypherFiles.load("cypher/importing/coverage-by-id.cypher");
    private final String stageNodes = CypherFiles.load("cypher/importing/staged/stage-nodes.cypher");
    private final Map<PartyKind, String> stagePartyTo = new EnumMap<>(Map.of(
            PartyKind.MUNICIPALITY, CypherFiles.load("cypher/importing/staged/stage-party-to-municipality.cypher"),
            PartyKind.ACTOR, CypherFiles.load("cypher/importing/staged/stage-party-to-actor.cypher"),
            PartyKind.BODY, CypherFiles.load("cypher/importing/staged/stage-party-to-body.cypher")));
    private final Map<PartyKind, String> stageConvenes = new EnumMap<>(Map.of(
            PartyKind.MUNICIPALITY, CypherFiles.load("cypher/importing/staged/stage-convenes-municipality.cypher"),
            PartyKind.ACTOR, CypherFiles.load("cypher/importing/staged/stage-convenes-actor.cypher"),
            PartyKind.BODY, CypherFiles.load("cypher/importing/staged/stage-convenes-body.cypher")));
    private final String stageBodyRelations = CypherFiles.load("cypher/importing/staged/stage-body-relations.cypher");
    private final String publishBodies = CypherFiles.load("cypher/importing/staged/publish-bodies.cypher");
    private final String publishActors = CypherFiles.load("cypher/importing/staged/publish-actors.cypher");
    private final String publishGoals = CypherFiles.load("cypher/importing/staged/publish-goals.cypher");

    /** Created and deleted counts summed over the statements of one import. */
    static final class Tally {
        long nodesCreated;
        long relationshipsCreated;
        long relationshipsDeleted;
        /** Bodies, rows and links updated in place (not counted by the counters above). */
        long rowsUpdated;
        /** Whether the bundle changed any data (the revision increment aside). */
        boolean changedData;
        /** Municipalities whose coverage rows the bundle created or changed. */
        final Set<String> coverageChanged = new java.util.TreeSet<>();
        /** Wall time per step in milliseconds, in order, for the DEBUG log (profiling a large load). */
        final Map<String, Long> millis = new LinkedHashMap<>();
        private long mark = System.nanoTime();

        /** Ends the step that began at the previous mark. */
        void step(String name) {
            long now = System.nanoTime();
            millis.merge(name, (now - mark) / 1_000_000, Long::sum);
            mark = now;
        }

        void add(Statements.Counts counters) {
            nodesCreated += counters.nodesCreated();
            relationshipsCreated += counters.relationshipsCreated();
            relationshipsDeleted += counters.relationshipsDeleted();
        }
    }

    KnownIds readKnownIds(TransactionContext tx) {
        Set<String> municipalities = new HashSet<>();
        Set<String> areas = new HashSet<>();
        Set<String> sectors = new HashSet<>();
        Map<String, ActorKind> actors = new HashMap<>();
        Set<String> goals = new HashSet<>();
        Map<String, Form> bodies = new HashMap<>();
        tx.run(reference).forEachRemaining(record -> {
            String key = record.get("key").asString(null);
            if (key == null) {
                return;
            }
            String detail = record.get("detail").asString(null);
            switch (record.get("kind").asString()) {
                case "municipality" -> municipalities.add(key);
                case "area" -> areas.add(key);
                case "sector" -> sectors.add(key);
                case "actor" -> actors.put(key, parse(ActorKind.class, detail));
                case "goal" -> goals.add(key);
                case "body" -> bodies.put(key, parse(Form.class, detail));
                default -> throw new IllegalStateException("reference.cypher returned an unknown kind");
            }
        });
        return new KnownIds(municipalities, areas, sectors, actors, goals, bodies);
    }

    /** The stored coverage rows of these municipalities, by code. */
    Map<String, List<KnownIds.StoredCoverage>> readCoverage(TransactionContext tx, Set<String> codes) {
        Map<String, List<KnownIds.StoredCoverage>> stored = new HashMap<>();
        if (codes.isEmpty()) {
            return stored;
        }
        for (List<String> batch : batches(List.copyOf(codes))) {
            tx.run(existingCoverage, Map.of("codes", batch)).forEachRemaining(r -> stored
                    .computeIfAbsent(r.get("code").asString(), k -> new ArrayList<>())
                    .add(new KnownIds.StoredCoverage(r.get("id").asString(),
                            r.get("forms").isNull() ? List.of() : r.get("forms").asList(v -> Form.valueOf(v.asString())),
                            date(r.get("validFrom")), date(r.get("validTo")), r.get("source").asString(null))));
        }
        return stored;
    }

    private static LocalDate date(org.neo4j.driver.Value value) {
        return value.isNull() ? null : value.asLocalDate();
    }

    /**
     * Writes everything and increments the graph revision; returns the new revision.
     *
     * @param stored the ids of bodies already in the database (the reference read in this transaction, or
     *               before it when the caller knows none of the bundle's bodies can be stored); the bundle's
     *               other bodies are created without looking for what they would replace
     */
    long write(Statements tx, ValidBundle bundle, java.util.function.Predicate<String> stored, Tally tally) {
        run(tx, upsertActors, bundle.actors().stream().map(a -> row("id", a.id(), "props", props(
                "kind", a.kind().name(), "name", a.name(), "source", a.source(),
                "illustrative", illustrative(a.source())))).toList(), tally);
        run(tx, upsertGoals, bundle.goals().stream().map(g -> row("id", g.id(), "props", props(
                "name", g.name(), "source", g.source(), "illustrative", illustrative(g.source())))).toList(), tally);
        writeBodies(tx, bundle.bodies(), stored, tally);
        writePartyRows(tx, bundle, stored, tally);
        List<Map<String, Object>> replace = new ArrayList<>();
        List<Map<String, Object>> create = new ArrayList<>();
        for (BodyRow b : bundle.bodies()) {
            List<String> areas = bundle.areasByBody().getOrDefault(b.id(), List.of());
            List<String> goals = bundle.goalsByBody().getOrDefault(b.id(), List.of());
            if (stored.test(b.id())) {
                replace.add(row("id", b.id(), "areas", areas, "goals", goals, "seat", b.seatCode()));
            } else if (!areas.isEmpty() || !goals.isEmpty() || b.seatCode() != null) {
                create.add(row("id", b.id(), "areas", areas, "goals", goals, "seat", b.seatCode()));
            }
        }
        run(tx, replaceBodyRelations, replace, tally);
        run(tx, createBodyRelations, create, tally);
        tally.step("areas, goals and seats");
        writeLinks(tx, bundle.links(), tally);
        run(tx, mergeGoalRelations, bundle.goalRelations().stream()
                .map(r -> row("a", r.a(), "b", r.b(), "kind", r.kind())).toList(), tally);
        tally.step("links and goal relations");
        writeCoverage(tx, bundle.coverage(), tally);
        tally.step("coverage");
        tally.changedData = tally.nodesCreated + tally.relationshipsCreated + tally.relationshipsDeleted
                + tally.rowsUpdated > 0;
        return tx.bumpRevision();
    }

    /**
     * Takes the write lock of each stored body named, in the order given, before anything of theirs is read:
     * two loads (or a load and an edit) of one body then run one after the other instead of both replacing
     * the rows they read before the other committed. The look-up is a locking seek of the body_id index, so
     * it also waits for a transaction that is creating one of these ids and then finds that body stored.
     * Callers pass the ids sorted, so every writer takes the locks in one order.
     */
    void lockBodies(TransactionContext tx, List<String> sortedIds) {
        for (List<String> batch : batches(sortedIds)) {
            tx.run(lockBodies, Map.of("ids", batch)).consume();
        }
    }

    // ---- Large loads (docs/data.md, "Large bundles"): written staged, made visible in one last transaction ----

    /** Creates a large load's new actors and goals under StagedActor and StagedGoal. */
    void stageActorsAndGoals(TransactionContext tx, List<ValidBundle.ActorRow> actors, List<ValidBundle.GoalRow> goals,
            String loadId, Tally tally) {
        List<Map<String, Object>> rows = new ArrayList<>();
        actors.forEach(a -> rows.add(row("label", "StagedActor", "props", present(props("id", a.id(),
                "kind", a.kind().name(), "name", a.name(), "source", a.source(),
                "illustrative", illustrative(a.source()), "loadId", loadId)))));
        goals.forEach(g -> rows.add(row("label", "StagedGoal", "props", present(props("id", g.id(), "name", g.name(),
                "source", g.source(), "illustrative", illustrative(g.source()), "loadId", loadId)))));
        run(Statements.of(tx), stageNodes, rows, tally);
    }

    /**
     * Creates bodies of a large load under StagedBody (version 1, as a load gives a new body), with their party
     * rows, conveners, areas, goals and seat: relationships of their final types, which no reader follows
     * since every query reaches bodies through the Body label.
     */
    void stageBodies(TransactionContext tx, ValidBundle bundle, String loadId, Tally tally) {
        List<Map<String, Object>> bodies = new ArrayList<>();
        List<Map<String, Object>> relations = new ArrayList<>();
        for (BodyRow body : bundle.bodies()) {
            Map<String, Object> props = bodyRow(body);
            props.keySet().removeAll(List.of("label", "staleLabels"));
            props.put("version", 1L);
            props.put("loadId", loadId);
            bodies.add(row("label", "StagedBody", "props", present(props)));
            List<String> areas = bundle.areasByBody().getOrDefault(body.id(), List.of());
            List<String> goals = bundle.goalsByBody().getOrDefault(body.id(), List.of());
            if (!areas.isEmpty() || !goals.isEmpty() || body.seatCode() != null) {
                relations.add(row("id", body.id(), "areas", areas, "goals", goals, "seat", body.seatCode()));
            }
        }
        run(Statements.of(tx), stageNodes, bodies, tally);
        tally.step("bodies: create");
        Map<PartyKind, List<Map<String, Object>>> partyRows = new EnumMap<>(PartyKind.class);
        for (PartyRow p : bundle.parties()) {
            partyRows.computeIfAbsent(p.kind(), k -> new ArrayList<>()).add(row("body", p.bodyId(), "party", p.party(),
                    "role", p.role().name(), "validFrom", p.validFrom(), "validTo", p.validTo(),
                    "representative", p.representative(), "source", p.source(), "illustrative", illustrative(p.source())));
        }
        Map<PartyKind, List<Map<String, Object>>> convenerRows = new EnumMap<>(PartyKind.class);
        for (PartyRow p : bundle.conveners()) {
            convenerRows.computeIfAbsent(p.kind(), k -> new ArrayList<>()).add(row("body", p.bodyId(), "party", p.party(),
                    "validFrom", p.validFrom(), "validTo", p.validTo(), "source", p.source(),
                    "illustrative", illustrative(p.source())));
        }
        partyRows.forEach((kind, rows) -> runStaged(tx, stagePartyTo.get(kind), loadId, rows, tally));
        convenerRows.forEach((kind, rows) -> runStaged(tx, stageConvenes.get(kind), loadId, rows, tally));
        tally.step("party rows: create");
        runStaged(tx, stageBodyRelations, loadId, relations, tally);
        tally.step("areas, goals and seats");
    }

    /**
     * Makes what a large load staged visible, inside the caller's last transaction: bodies become Body with
     * their form's label (keeping the load's id until {@link StagedLoads#unmark}), actors Actor, goals Goal. Until
     * this commits, no reader sees any of it.
     */
    void publish(TransactionContext tx, ValidBundle bundle, List<ValidBundle.ActorRow> newActors,
            List<ValidBundle.GoalRow> newGoals, String loadId, Tally tally) {
        runStaged(tx, publishBodies, loadId, bundle.bodies().stream()
                .map(b -> row("id", b.id(), "label", b.form().label())).toList(), tally);
        for (List<String> batch : batches(newActors.stream().map(ValidBundle.ActorRow::id).toList())) {
            tx.run(publishActors, Map.of("ids", batch, "loadId", loadId)).consume();
        }
        for (List<String> batch : batches(newGoals.stream().map(ValidBundle.GoalRow::id).toList())) {
            tx.run(publishGoals, Map.of("ids", batch, "loadId", loadId)).consume();
        }
        tally.step("publish");
    }

    private static void runStaged(TransactionContext tx, String query, String loadId, List<Map<String, Object>> rows,
            Tally tally) {
        for (List<Map<String, Object>> batch : batches(rows)) {
            tally.add(Statements.of(tx).write(query, Map.of("rows", batch, "loadId", loadId)));
        }
    }

    /** The map without its null values, for {@code SET n = map} (which refuses nulls in a CREATE). */
    private static Map<String, Object> present(Map<String, Object> map) {
        map.values().removeIf(java.util.Objects::isNull);
        return map;
    }

    /** Creates new bodies and updates stored ones, skipping those stored exactly so (properties and labels). */
    private void writeBodies(Statements tx, List<BodyRow> bodies, java.util.function.Predicate<String> stored,
            Tally tally) {
        Map<String, Map<String, Object>> storedProps = new HashMap<>();
        Map<String, Set<String>> storedLabels = new HashMap<>();
        List<Map<String, Object>> created = new ArrayList<>();
        for (BodyRow body : bodies) {
            if (!stored.test(body.id())) {
                Map<String, Object> row = bodyRow(body);
                row.keySet().removeAll(List.of("label", "staleLabels"));
                row.values().removeIf(java.util.Objects::isNull);
                created.add(row("label", body.form().label(), "props", row));
            }
        }
        run(tx, createBodies, created, tally);
        tally.step("bodies: create");
        for (List<String> batch : batches(bodies.stream().map(BodyRow::id).filter(stored).toList())) {
            tx.read(existingBodies, Map.of("ids", batch), record -> {
                String id = (String) record.get("id");
                Map<String, Object> props = new HashMap<>(map(record.get("props")));
                props.remove("version"); // the editing API's lock counter, not bundle data
                props.remove("loadId"); // a large load's id, on its bodies for a moment after it published
                storedProps.put(id, props);
                storedLabels.put(id, new HashSet<>(strings(record.get("labels"))));
            });
        }
        tally.step("bodies: read stored");
        List<Map<String, Object>> changed = new ArrayList<>();
        for (BodyRow body : bodies) {
            if (!stored.test(body.id())) {
                continue;
            }
            Map<String, Object> row = bodyRow(body);
            Map<String, Object> props = new LinkedHashMap<>(row);
            props.keySet().removeAll(List.of("label", "staleLabels"));
            Map<String, Object> before = storedProps.get(body.id());
            boolean same = before != null && sameProperties(before, props)
                    && storedLabels.get(body.id()).equals(Set.of("Body", body.form().label()));
            if (!same) {
                changed.add(row);
            }
        }
        tally.rowsUpdated += changed.size();
        run(tx, upsertBodies, changed, tally);
        tally.step("bodies: upsert");
    }

    static Map<String, Object> bodyRow(BodyRow body) {
        List<String> stale = Arrays.stream(Form.values()).filter(f -> f != body.form()).map(Form::label).toList();
        return row("id", body.id(), "label", body.form().label(), "staleLabels", stale,
                "form", body.form().name(),
                "name", body.name(),
                "sector", body.sector(),
                "level", body.level() == null ? null : body.level().name(),
                "governance", body.governance() == null ? null : body.governance().name(),
                "validFrom", body.validFrom(),
                "validTo", body.validTo(),
                "source", body.source(),
                "illustrative", illustrative(body.source()));
    }

    /** A stored relationship: its element id and properties. */
    private record Stored(String rowId, Map<String, Object> props) {}

    /**
     * Replaces the PARTY_TO and CONVENES rows of the bundle's bodies: a stored row with the identity of a
     * bundle row (body, party, role, validFrom) is kept, and updated in place only when a property differs;
     * a bundle row with no stored twin is created; every other stored row of those bodies is deleted. So
     * loading the same bundle twice writes no row and leaves even the element ids alone.
     */
    private void writePartyRows(Statements tx, ValidBundle bundle,
            java.util.function.Predicate<String> storedBody, Tally tally) {
        Map<String, Stored> stored = new HashMap<>();
        List<String> toDelete = new ArrayList<>();
        List<String> bodyIds = bundle.bodies().stream().map(BodyRow::id).filter(storedBody).toList();
        for (List<String> batch : batches(bodyIds)) {
            tx.read(existingRows, Map.of("bodyIds", batch), record -> {
                var row = new Stored((String) record.get("rowId"), map(record.get("props")));
                if (stored.putIfAbsent(storedKey(record), row) != null) {
                    toDelete.add(row.rowId()); // a stored duplicate of one identity: keep one
                }
            });
        }
        tally.step("party rows: read stored");
        List<Map<String, Object>> updates = new ArrayList<>();
        Map<PartyKind, List<Map<String, Object>>> newPartyRows = new EnumMap<>(PartyKind.class);
        Map<PartyKind, List<Map<String, Object>>> newConveners = new EnumMap<>(PartyKind.class);
        for (PartyRow party : bundle.parties()) {
            Map<String, Object> props = props("role", party.role().name(), "validFrom", party.validFrom(),
                    "validTo", party.validTo(), "representative", party.representative(), "source", party.source(),
                    "illustrative", illustrative(party.source()));
            place(stored.remove(key("PARTY_TO", party)), party, props, updates, newPartyRows);
        }
        for (PartyRow convener : bundle.conveners()) {
            Map<String, Object> props = props("validFrom", convener.validFrom(), "validTo", convener.validTo(),
                    "source", convener.source(), "illustrative", illustrative(convener.source()));
            place(stored.remove(key("CONVENES", convener)), convener, props, updates, newConveners);
        }
        stored.values().forEach(row -> toDelete.add(row.rowId()));
        tally.step("party rows: compare");
        run(tx, deleteRelationships, "rowIds", toDelete, tally);
        tally.rowsUpdated += updates.size();
        run(tx, updateRelationships, updates, tally);
        tally.step("party rows: delete and update");
        newPartyRows.forEach((kind, rows) -> run(tx, createPartyTo.get(kind), rows, tally));
        newConveners.forEach((kind, rows) -> run(tx, createConvenes.get(kind), rows, tally));
        tally.step("party rows: create");
    }

    private static void place(Stored stored, PartyRow party, Map<String, Object> props,
            List<Map<String, Object>> updates, Map<PartyKind, List<Map<String, Object>>> creates) {
        if (stored == null) {
            Map<String, Object> row = row("body", party.bodyId(), "party", party.party());
            row.putAll(props);
            creates.computeIfAbsent(party.kind(), k -> new ArrayList<>()).add(row);
        } else if (!sameProperties(stored.props(), props)) {
            updates.add(row("rowId", stored.rowId(), "props", props));
        }
    }

    /** Stored properties equal the new ones, a null new value meaning "absent". */
    private static boolean sameProperties(Map<String, Object> stored, Map<String, Object> props) {
        long present = props.values().stream().filter(java.util.Objects::nonNull).count();
        return stored.size() == present && props.entrySet().stream()
                .allMatch(e -> java.util.Objects.equals(e.getValue(), stored.get(e.getKey())));
    }

    private static String key(String type, PartyRow row) {
        return key(type, row.bodyId(), row.party(), type.equals("CONVENES") ? null : row.role().name(),
                row.validFrom());
    }

    private static String storedKey(Map<String, Object> record) {
        String type = (String) record.get("type");
        return key(type, (String) record.get("bodyId"), (String) record.get("party"),
                type.equals("CONVENES") ? null : (String) record.get("role"), (LocalDate) record.get("validFrom"));
    }

    private static String key(String type, String body, String party, String role, LocalDate validFrom) {
        return type + '\u0000' + body + '\u0000' + party + '\u0000' + role + '\u0000' + validFrom;
    }

    /** Links are upserted by (a, b, kind, validFrom); links the bundle does not mention are left alone. */
    private void writeLinks(Statements tx, List<LinkRow> links, Tally tally) {
        if (links.isEmpty()) {
            return;
        }
        Set<List<String>> pairs = new LinkedHashSet<>();
        links.forEach(link -> pairs.add(List.of(link.a(), link.b())));
        Map<String, Stored> stored = new HashMap<>();
        for (List<List<String>> batch : batches(new ArrayList<>(pairs))) {
            var params = batch.stream().map(p -> row("a", p.get(0), "b", p.get(1))).toList();
            tx.read(existingLinks, Map.of("pairs", params), record -> stored.putIfAbsent(
                    linkKey((String) record.get("a"), (String) record.get("b"), (String) record.get("kind"),
                            (LocalDate) record.get("validFrom")),
                    new Stored((String) record.get("rowId"), map(record.get("props")))));
        }
        List<Map<String, Object>> updates = new ArrayList<>();
        List<Map<String, Object>> creates = new ArrayList<>();
        for (LinkRow link : links) {
            Map<String, Object> props = props("kind", link.kind().name(), "validFrom", link.validFrom(),
                    "validTo", link.validTo(), "source", link.source(), "illustrative", illustrative(link.source()));
            Stored existing = stored.get(linkKey(link.a(), link.b(), link.kind().name(), link.validFrom()));
            if (existing == null) {
                Map<String, Object> row = row("a", link.a(), "b", link.b());
                row.putAll(props);
                creates.add(row);
            } else if (!sameProperties(existing.props(), props)) {
                updates.add(row("rowId", existing.rowId(), "props", props));
            }
        }
        tally.rowsUpdated += updates.size();
        run(tx, updateRelationships, updates, tally);
        run(tx, createLinks, creates, tally);
    }

    /**
     * Coverage rows are upserted by identity (municipality, forms, valid_from, source; the id is its hash):
     * a new one is created, a stored one updated only when its valid_to differs; rows the bundle does not
     * name are left alone, as links are.
     */
    private void writeCoverage(Statements tx, List<ValidBundle.CoverageRow> rows, Tally tally) {
        if (rows.isEmpty()) {
            return;
        }
        Map<String, Map<String, Object>> stored = new HashMap<>();
        for (List<String> batch : batches(rows.stream().map(ValidBundle.CoverageRow::id).toList())) {
            tx.read(coverageById, Map.of("ids", batch), r -> stored.put((String) r.get("id"), map(r.get("props"))));
        }
        List<Map<String, Object>> creates = new ArrayList<>();
        List<Map<String, Object>> updates = new ArrayList<>();
        for (ValidBundle.CoverageRow row : rows) {
            Map<String, Object> props = props("id", row.id(),
                    "forms", row.forms().isEmpty() ? null : row.forms().stream().map(Form::name).toList(),
                    "validFrom", row.validFrom(), "validTo", row.validTo(), "source", row.source(),
                    "illustrative", illustrative(row.source()));
            Map<String, Object> before = stored.get(row.id());
            if (before == null) {
                creates.add(row("municipality", row.municipality(), "props", withoutNulls(props)));
            } else if (!sameProperties(before, props)) {
                updates.add(row("props", withoutNulls(props)));
            } else {
                continue;
            }
            tally.coverageChanged.add(row.municipality());
        }
        tally.rowsUpdated += updates.size();
        run(tx, updateCoverage, updates, tally);
        run(tx, createCoverage, creates, tally);
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> props) {
        Map<String, Object> copy = new LinkedHashMap<>(props);
        copy.values().removeIf(java.util.Objects::isNull);
        return copy;
    }

    private static String linkKey(String a, String b, String kind, LocalDate validFrom) {
        return a + '\u0000' + b + '\u0000' + kind + '\u0000' + validFrom;
    }

    private static void run(Statements tx, String query, List<Map<String, Object>> rows, Tally tally) {
        run(tx, query, "rows", rows, tally);
    }

    private static <T> void run(Statements tx, String query, String parameter, List<T> values, Tally tally) {
        for (List<T> batch : batches(values)) {
            tally.add(tx.write(query, Map.of(parameter, batch)));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return (List<String>) value;
    }

    private static <T> List<List<T>> batches(List<T> values) {
        List<List<T>> batches = new ArrayList<>();
        for (int from = 0; from < values.size(); from += BATCH) {
            batches.add(values.subList(from, Math.min(values.size(), from + BATCH)));
        }
        return batches;
    }

    /** A parameter map; unlike Map.of it keeps null values, which Cypher reads as "no value". */
    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static Map<String, Object> props(Object... keysAndValues) {
        return row(keysAndValues);
    }

    static boolean illustrative(String source) {
        return "illustrative".equals(source);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
