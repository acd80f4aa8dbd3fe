package se.samverkansvaven.editing;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.samverkansvaven.importing.BundleFiles;

/**
 * A body's full resulting state as a one-body CSV bundle, so an edit passes exactly the loader's rules and
 * is written by the loader's writer (which replaces the body's parties, areas, goals and seat, and upserts
 * its links). Error messages then name the bundle file and line: line 2 of parties.csv is the first party.
 */
final class OneBodyBundle {

    private OneBodyBundle() {}

    static BundleFiles of(BodyState s) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("bodies.csv", csv("id,form,name,sector,level,governance,seat_code,valid_from,valid_to,source",
                java.util.Collections.singletonList(new String[] {s.id(), s.form(), s.name(), s.sector(), s.level(),
                        s.governance(), s.seat(), s.validFrom(), s.validTo(), s.source()})));
        files.put("parties.csv", csv("body_id,party,role,valid_from,valid_to,representative,source",
                s.parties().stream().map(p -> new String[] {s.id(), p.party(), p.role(), p.validFrom(), p.validTo(),
                        p.representative(), p.source()}).toList()));
        files.put("areas.csv", csv("body_id,area", s.areas().stream().map(a -> new String[] {s.id(), a}).toList()));
        files.put("body_goals.csv", csv("body_id,goal_id", s.goals().stream().map(g -> new String[] {s.id(), g}).toList()));
        files.put("links.csv", csv("a,b,kind,valid_from,valid_to,source", s.links().stream()
                .map(l -> new String[] {s.id(), l.network(), l.kind(), l.validFrom(), l.validTo(), l.source()}).toList()));
        return BundleFiles.of(files);
    }

    private static byte[] csv(String header, List<String[]> rows) {
        StringBuilder out = new StringBuilder(header).append('\n');
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                String value = row[i];
                if (value != null && !value.isEmpty()) {
                    // Every value quoted (RFC 4180), so commas, quotes and line breaks in text survive as text.
                    out.append('"').append(value.replace("\"", "\"\"")).append('"');
                }
            }
            out.append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
