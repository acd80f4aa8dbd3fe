package se.samverkansvaven.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.samverkansvaven.export.GraphSnapshot.Edge;
import se.samverkansvaven.export.GraphSnapshot.Node;

/**
 * The CSV bundle of domain.md ("Data exchange format"), which the loader reads back: all nine files, every
 * column in the order domain.md gives, rows sorted (bodies by id, parties by body, party, role and
 * valid_from, and so on), plus {@code metadata.json}. Written from a snapshot with full records, so each
 * body carries its whole history and the bundle passes the loader's rules on its own.
 */
final class BundleZipWriter implements SnapshotWriter {

    private final boolean neutralise;

    /** @param neutralise give cells a spreadsheet would run as formulas a leading ' ({@link Csv}) */
    BundleZipWriter(boolean neutralise) {
        this.neutralise = neutralise;
    }

    @Override
    public void content(GraphSnapshot graph, Entries entries) throws IOException {
        Map<String, Node> byId = new HashMap<>();
        graph.nodes().forEach(n -> byId.put(n.id(), n));
        Map<String, String> seats = new HashMap<>();
        List<List<Object>> bodies = new ArrayList<>();
        List<List<Object>> parties = new ArrayList<>();
        List<List<Object>> actors = new ArrayList<>();
        List<List<Object>> areas = new ArrayList<>();
        List<List<Object>> links = new ArrayList<>();
        List<List<Object>> goals = new ArrayList<>();
        List<List<Object>> bodyGoals = new ArrayList<>();
        List<List<Object>> goalRelations = new ArrayList<>();
        for (Edge e : graph.edges()) {
            String source = byId.get(e.source()).key();
            String target = byId.get(e.target()).key();
            switch (e.type()) {
                case "SEATED_IN" -> seats.put(source, target);
                case "PARTY_TO" -> parties.add(row(target, source, e.string("role"), e.props().get("validFrom"),
                        e.props().get("validTo"), e.props().get("representative"), e.props().get("source")));
                case "CONVENES" -> parties.add(row(target, source, "CONVENER", e.props().get("validFrom"),
                        e.props().get("validTo"), null, e.props().get("source")));
                case "COVERS" -> areas.add(row(source, target));
                case "LINKED_WITH" -> links.add(row(source, target, e.props().get("kind"),
                        e.props().get("validFrom"), e.props().get("validTo"), e.props().get("source")));
                case "WORKS_ON" -> bodyGoals.add(row(source, target));
                case "CONFLICTS_WITH", "SUPPORTS" -> goalRelations.add(row(source, target, e.type()));
                default -> { }
            }
        }
        for (Node n : graph.nodes()) {
            Map<String, Object> p = n.props();
            switch (n.type()) {
                case "Body" -> bodies.add(row(n.key(), p.get("form"), p.get("name"), p.get("sector"), p.get("level"),
                        p.get("governance"), seats.get(n.key()), p.get("validFrom"), p.get("validTo"), p.get("source")));
                case "Actor" -> actors.add(row(n.key(), p.get("kind"), p.get("name"), p.get("source")));
                case "Goal" -> goals.add(row(n.key(), p.get("name"), p.get("source")));
                default -> { }
            }
        }
        put(entries, "bodies.csv", bodies, "id,form,name,sector,level,governance,seat_code,valid_from,valid_to,source");
        put(entries, "parties.csv", parties, "body_id,party,role,valid_from,valid_to,representative,source");
        put(entries, "actors.csv", actors, "id,kind,name,source");
        put(entries, "areas.csv", areas, "body_id,area");
        put(entries, "links.csv", links, "a,b,kind,valid_from,valid_to,source");
        put(entries, "goals.csv", goals, "id,name,source");
        put(entries, "body_goals.csv", bodyGoals, "body_id,goal_id");
        put(entries, "goal_relations.csv", goalRelations, "a,b,kind");
        List<List<Object>> coverage = new ArrayList<>();
        graph.coverage().forEach(c -> coverage.add(row(c.municipality(), String.join(";", c.forms()), c.validFrom(),
                c.validTo(), c.source())));
        put(entries, "coverage.csv", coverage, "municipality,forms,valid_from,valid_to,source");
    }

    @Override
    public void write(GraphSnapshot graph, ExportMetadata metadata, OutputStream out) throws IOException {
        Zips.write(this, graph, metadata, out);
    }

    private void put(Entries entries, String file, List<List<Object>> rows, String header) throws IOException {
        rows.sort(ROW_ORDER);
        Csv.table(Arrays.asList(header.split(",")), rows, neutralise, entries.next(file));
    }

    /** Column by column as text, an empty cell first. */
    private static final Comparator<List<Object>> ROW_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            String x = a.get(i) == null ? "" : Values.text(a.get(i));
            String y = b.get(i) == null ? "" : Values.text(b.get(i));
            int c = x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }
}
