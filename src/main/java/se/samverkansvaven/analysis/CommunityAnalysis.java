package se.samverkansvaven.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import se.samverkansvaven.graph.ConnectedComponents;
import se.samverkansvaven.graph.IndexedGraph;
import se.samverkansvaven.graph.Louvain;
import se.samverkansvaven.graph.MaximalCliques;
import se.samverkansvaven.graph.Modularity;

/**
 * Connected components, Louvain communities with their modularity, and maximal cliques of at least three
 * vertices (domain.md analysis 1) on a weighted actor projection: P, or the induced subgraph of a scope.
 */
public final class CommunityAnalysis {

    /** The seed used when the caller gives none, so that a page shows the same communities on every visit. */
    static final long DEFAULT_SEED = 1L;
    static final int MIN_CLIQUE = 3;

    /** Largest first, then by the ascending member lists. */
    static final Comparator<SortedSet<String>> SET_ORDER = Comparator
            .<SortedSet<String>>comparingInt(s -> -s.size())
            .thenComparing(CommunityAnalysis::compareMembers);

    public CommunityResult analyse(IndexedGraph g, long seed) {
        List<SortedSet<String>> components = groups(g, new ConnectedComponents().compute(g));
        int[] membership = new Louvain(seed).compute(g);
        double q = Modularity.of(g, membership);
        List<SortedSet<String>> communities = groups(g, membership);
        List<SortedSet<String>> cliques = new ArrayList<>();
        for (int[] clique : new MaximalCliques(MIN_CLIQUE).compute(g)) {
            SortedSet<String> ids = new TreeSet<>();
            for (int v : clique) {
                ids.add(g.id(v));
            }
            cliques.add(Collections.unmodifiableSortedSet(ids));
        }
        cliques.sort(SET_ORDER);
        return new CommunityResult(components, communities, Double.isNaN(q) ? null : q, seed, List.copyOf(cliques));
    }

    private static List<SortedSet<String>> groups(IndexedGraph g, int[] label) {
        List<SortedSet<String>> sets = new ArrayList<>();
        for (int v = 0; v < label.length; v++) {
            while (sets.size() <= label[v]) {
                sets.add(new TreeSet<>());
            }
            sets.get(label[v]).add(g.id(v));
        }
        List<SortedSet<String>> out = new ArrayList<>(sets.size());
        for (SortedSet<String> s : sets) {
            out.add(Collections.unmodifiableSortedSet(s));
        }
        out.sort(SET_ORDER);
        return List.copyOf(out);
    }

    private static int compareMembers(SortedSet<String> a, SortedSet<String> b) {
        Iterator<String> i = a.iterator();
        Iterator<String> j = b.iterator();
        while (i.hasNext() && j.hasNext()) {
            int c = i.next().compareTo(j.next());
            if (c != 0) {
                return c;
            }
        }
        return Boolean.compare(i.hasNext(), j.hasNext());
    }
}
