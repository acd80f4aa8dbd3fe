package se.samverkansvaven.graph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Reads the "from to weight" edge lists the bench harness writes (--edges) for the A/B programs. */
final class EdgeLists {

    private EdgeLists() {
    }

    /** The graph of the file, vertices indexed in sorted id order. */
    static IndexedGraph read(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        TreeSet<String> ids = new TreeSet<>();
        for (String line : Files.readAllLines(file)) {
            String[] p = line.split(" ");
            rows.add(p);
            ids.add(p[0]);
            ids.add(p[1]);
        }
        String[] sorted = ids.toArray(String[]::new);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < sorted.length; i++) {
            index.put(sorted[i], i);
        }
        int[] src = new int[rows.size()], dst = new int[rows.size()];
        double[] w = new double[rows.size()];
        for (int e = 0; e < rows.size(); e++) {
            src[e] = index.get(rows.get(e)[0]);
            dst[e] = index.get(rows.get(e)[1]);
            w[e] = Double.parseDouble(rows.get(e)[2]);
        }
        return IndexedGraph.fromEdges(sorted, src, dst, w);
    }
}
