package se.samverkansvaven.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import se.samverkansvaven.database.GraphRevisions;
import tools.jackson.databind.json.JsonMapper;
import se.samverkansvaven.export.GraphSnapshot.Edge;
import se.samverkansvaven.export.GraphSnapshot.Node;
import se.samverkansvaven.export.SnapshotDiff.BodyChange;
import se.samverkansvaven.export.SnapshotDiff.HostChange;
import se.samverkansvaven.export.SnapshotDiff.LinkChange;
import se.samverkansvaven.export.SnapshotDiff.PartyChange;
import se.samverkansvaven.export.SnapshotDiff.RoleChange;

/** Computes {@link SnapshotDiff}s by comparing two snapshots, and writes them as JSON or CSV. */
@Service
public class SnapshotDiffer {

    public enum DiffFormat { JSON, CSV }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Diffs kept per graph revision: the Förändringar page asks again for the same dates (1-4 s each at S). */
    private static final int KEPT = 16;

    private final SnapshotReader reader;
    private final AppVersion version;
    private final GraphRevisions revisions;
    private final Clock clock;
    private final boolean neutralise;
    private final Map<List<Object>, SnapshotDiff> kept = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Object>, SnapshotDiff> eldest) {
            return size() > KEPT;
        }
    };

    SnapshotDiffer(SnapshotReader reader, AppVersion version, GraphRevisions revisions, ExportProperties properties) {
        this.reader = reader;
        this.version = version;
        this.revisions = revisions;
        this.clock = Clock.systemUTC();
        this.neutralise = !properties.rawCsvCells();
    }

    /**
     * The diff between the snapshots of the two dates; kept until the graph changes (the key holds the graph
     * revision), the last {@value #KEPT} asked for.
     */
    public SnapshotDiff diff(LocalDate from, LocalDate to, SnapshotFilter filter) {
        List<Object> key = java.util.Arrays.asList(revisions.current(), from, to, filter);
        synchronized (kept) {
            SnapshotDiff held = kept.get(key);
            if (held != null) {
                return held;
            }
        }
        GraphSnapshot before = reader.read(Window.on(from), filter, false);
        GraphSnapshot after = reader.read(Window.on(to), filter, false);
        SnapshotDiff diff = compare(from, to, before, after);
        synchronized (kept) {
            kept.put(key, diff);
        }
        return diff;
    }

    static SnapshotDiff compare(LocalDate from, LocalDate to, GraphSnapshot before, GraphSnapshot after) {
        Map<String, Node> bodiesBefore = bodies(before);
        Map<String, Node> bodiesAfter = bodies(after);
        Map<String, Node> names = new HashMap<>();
        before.nodes().forEach(n -> names.put(n.id(), n));
        after.nodes().forEach(n -> names.put(n.id(), n));

        List<BodyChange> started = new ArrayList<>();
        bodiesAfter.forEach((id, n) -> {
            if (!bodiesBefore.containsKey(id)) {
                started.add(body(n));
            }
        });
        List<BodyChange> ended = new ArrayList<>();
        bodiesBefore.forEach((id, n) -> {
            if (!bodiesAfter.containsKey(id)) {
                ended.add(body(n));
            }
        });

        Map<String, Map<String, Edge>> rowsBefore = partyRows(before);
        Map<String, Map<String, Edge>> rowsAfter = partyRows(after);
        List<PartyChange> joined = new ArrayList<>();
        List<PartyChange> left = new ArrayList<>();
        List<RoleChange> roles = new ArrayList<>();
        List<HostChange> hosts = new ArrayList<>();
        for (String body : bodiesBefore.keySet()) {
            if (!bodiesAfter.containsKey(body)) {
                continue;
            }
            Map<String, Edge> was = rowsBefore.getOrDefault(body, Map.of());
            Map<String, Edge> is = rowsAfter.getOrDefault(body, Map.of());
            is.forEach((party, row) -> {
                Edge old = was.get(party);
                if (old == null) {
                    joined.add(party(bodiesAfter.get(body), party, row, names));
                } else if (!Objects.equals(old.string("role"), row.string("role"))) {
                    roles.add(new RoleChange(body, bodiesAfter.get(body).name(), party, names.get(party).name(),
                            old.string("role"), row.string("role"), illustrative(bodiesAfter.get(body))
                            || illustrative(names.get(party)) || illustrative(old) || illustrative(row)));
                }
            });
            was.forEach((party, row) -> {
                if (!is.containsKey(party)) {
                    left.add(party(bodiesAfter.get(body), party, row, names));
                }
            });
            List<String> hostsBefore = hosts(was);
            List<String> hostsAfter = hosts(is);
            if (!hostsBefore.equals(hostsAfter)) {
                boolean invented = illustrative(bodiesAfter.get(body))
                        || hostRows(was).anyMatch(SnapshotDiffer::illustrative)
                        || hostRows(is).anyMatch(SnapshotDiffer::illustrative);
                hosts.add(new HostChange(body, bodiesAfter.get(body).name(), hostsBefore, hostsAfter, invented));
            }
        }

        Map<String, Edge> linksBefore = links(before);
        Map<String, Edge> linksAfter = links(after);
        List<LinkChange> made = new ArrayList<>();
        linksAfter.forEach((key, e) -> {
            if (!linksBefore.containsKey(key)) {
                made.add(link(e, names));
            }
        });
        List<LinkChange> unmade = new ArrayList<>();
        linksBefore.forEach((key, e) -> {
            if (!linksAfter.containsKey(key)) {
                unmade.add(link(e, names));
            }
        });
        Comparator<PartyChange> byBodyParty = Comparator.comparing(PartyChange::body).thenComparing(PartyChange::party);
        joined.sort(byBodyParty);
        left.sort(byBodyParty);
        roles.sort(Comparator.comparing(RoleChange::body).thenComparing(RoleChange::party));
        return new SnapshotDiff(from, to, started, ended, joined, left, hosts, roles, made, unmade);
    }

    /** Bodies by id, sorted. */
    private static Map<String, Node> bodies(GraphSnapshot graph) {
        Map<String, Node> bodies = new TreeMap<>();
        graph.nodes().stream().filter(n -> n.type().equals("Body")).forEach(n -> bodies.put(n.key(), n));
        return bodies;
    }

    /** body id to party node id to its PARTY_TO row on the snapshot's date (at most one: rows do not overlap). */
    private static Map<String, Map<String, Edge>> partyRows(GraphSnapshot graph) {
        Map<String, Map<String, Edge>> rows = new HashMap<>();
        graph.edges().stream().filter(e -> e.type().equals("PARTY_TO"))
                .forEach(e -> rows.computeIfAbsent(e.target(), k -> new TreeMap<>()).put(e.source(), e));
        return rows;
    }

    private static List<String> hosts(Map<String, Edge> rows) {
        return rows.entrySet().stream().filter(e -> "HOST".equals(e.getValue().string("role")))
                .map(Map.Entry::getKey).sorted().toList();
    }

    private static java.util.stream.Stream<Edge> hostRows(Map<String, Edge> rows) {
        return rows.values().stream().filter(e -> "HOST".equals(e.string("role")));
    }

    private static boolean illustrative(Node n) {
        return n != null && Boolean.TRUE.equals(n.props().get("illustrative"));
    }

    private static boolean illustrative(Edge e) {
        return Boolean.TRUE.equals(e.props().get("illustrative"));
    }

    private static Map<String, Edge> links(GraphSnapshot graph) {
        Map<String, Edge> links = new TreeMap<>();
        graph.edges().stream().filter(e -> e.type().equals("LINKED_WITH"))
                .forEach(e -> links.put(e.source() + ">" + e.target() + ":" + e.string("kind"), e));
        return links;
    }

    private static BodyChange body(Node n) {
        return new BodyChange(n.key(), n.name(), (String) n.props().get("form"), illustrative(n));
    }

    private static PartyChange party(Node body, String party, Edge row, Map<String, Node> names) {
        Node partyNode = names.get(party);
        return new PartyChange(body.key(), body.name(), party, partyNode.name(), row.string("role"),
                illustrative(body) || illustrative(partyNode) || illustrative(row));
    }

    private static LinkChange link(Edge e, Map<String, Node> names) {
        Node a = names.get(e.source());
        Node b = names.get(e.target());
        return new LinkChange(e.source(), a.name(), e.target(), b.name(), e.string("kind"),
                illustrative(a) || illustrative(b) || illustrative(e));
    }

    /** The diff rendered, with its metadata and the SHA-256 of the content (everything but the metadata). */
    public record RenderedDiff(DiffFormat format, byte[] content, Map<String, Object> metadata) {

        public String sha256() {
            return (String) metadata.get("sha256");
        }

        public String metadataJson() {
            return new ExportMetadata(metadata).json();
        }

        /** JSON: {"metadata": ..., "diff": ...}; CSV: the table alone (metadata goes beside it). */
        public void writeTo(OutputStream out) throws IOException {
            if (format == DiffFormat.JSON) {
                out.write(("{\"metadata\":" + metadataJson() + ",\n\"diff\":").getBytes(StandardCharsets.UTF_8));
                out.write(content);
                out.write("}\n".getBytes(StandardCharsets.UTF_8));
            } else {
                out.write(content);
            }
            out.flush();
        }
    }

    public RenderedDiff render(SnapshotDiff diff, SnapshotFilter filter, DiffFormat format) {
        byte[] content = format == DiffFormat.JSON ? JSON.writeValueAsBytes(diff) : csv(diff, neutralise);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("generator", "Samverkansväven");
        meta.put("appVersion", version.version());
        meta.put("schemaVersion", ExportMetadata.SCHEMA_VERSION);
        meta.put("format", "diff-" + format.name().toLowerCase());
        meta.put("from", diff.from().toString());
        meta.put("to", diff.to().toString());
        if (format == DiffFormat.CSV) {
            meta.put(ExportMetadata.NEUTRALISED_CELLS, neutralise);
        }
        meta.put("filters", filter.describe());
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("bodiesStarted", diff.bodiesStarted().size());
        counts.put("bodiesEnded", diff.bodiesEnded().size());
        counts.put("partiesJoined", diff.partiesJoined().size());
        counts.put("partiesLeft", diff.partiesLeft().size());
        counts.put("hostsChanged", diff.hostsChanged().size());
        counts.put("rolesChanged", diff.rolesChanged().size());
        counts.put("linksMade", diff.linksMade().size());
        counts.put("linksEnded", diff.linksEnded().size());
        meta.put("counts", counts);
        meta.put("sha256", ExportMetadata.sha256(Map.of("diff", content)));
        meta.put("generatedAt", Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString());
        return new RenderedDiff(format, content, meta);
    }

    static final List<String> CSV_HEADER = List.of("change", "body", "body_name", "form", "party", "party_name",
            "before", "after", "illustrative");

    /**
     * One row per change. change is BODY_STARTED, BODY_ENDED, PARTY_JOINED, PARTY_LEFT, HOST_CHANGED,
     * ROLE_CHANGED, LINK_MADE or LINK_ENDED; for links body and party are the two networks and after (or
     * before) the link kind; several hosts are joined with ';'.
     */
    private static byte[] csv(SnapshotDiff diff, boolean neutralise) {
        List<List<Object>> rows = new ArrayList<>();
        diff.bodiesStarted().forEach(b -> rows.add(row("BODY_STARTED", b.body(), b.name(), b.form(), null, null,
                null, null, b.illustrative())));
        diff.bodiesEnded().forEach(b -> rows.add(row("BODY_ENDED", b.body(), b.name(), b.form(), null, null,
                null, null, b.illustrative())));
        diff.partiesJoined().forEach(p -> rows.add(row("PARTY_JOINED", p.body(), p.bodyName(), null, p.party(),
                p.partyName(), null, p.role(), p.illustrative())));
        diff.partiesLeft().forEach(p -> rows.add(row("PARTY_LEFT", p.body(), p.bodyName(), null, p.party(),
                p.partyName(), p.role(), null, p.illustrative())));
        diff.hostsChanged().forEach(h -> rows.add(row("HOST_CHANGED", h.body(), h.name(), null, null, null,
                String.join(";", h.before()), String.join(";", h.after()), h.illustrative())));
        diff.rolesChanged().forEach(r -> rows.add(row("ROLE_CHANGED", r.body(), r.bodyName(), null, r.party(),
                r.partyName(), r.before(), r.after(), r.illustrative())));
        diff.linksMade().forEach(l -> rows.add(row("LINK_MADE", l.a(), l.aName(), null, l.b(), l.bName(), null, l.kind(),
                l.illustrative())));
        diff.linksEnded().forEach(l -> rows.add(row("LINK_ENDED", l.a(), l.aName(), null, l.b(), l.bName(), l.kind(), null,
                l.illustrative())));
        try {
            return Csv.table(CSV_HEADER, rows, neutralise);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Object> row(Object... values) {
        return java.util.Arrays.asList(values);
    }
}
