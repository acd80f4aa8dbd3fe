package se.samverkansvaven.analysis;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import se.samverkansvaven.analysis.data.CooperationData.BodyInfo;
import se.samverkansvaven.analysis.data.CooperationData.PartyInfo;
import se.samverkansvaven.analysis.data.CooperationData.NetworkLink;
import se.samverkansvaven.analysis.data.CooperationData.PartyType;
import se.samverkansvaven.analysis.data.CooperationData;
import java.util.function.Predicate;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.body.Level;
import se.samverkansvaven.body.PartyRole;

/**
 * Missing diagonal network links, domain.md item 4.
 *
 * <p>Every active NETWORK with a sector and a level sits in the grid sector × level (the loader refuses a
 * network without them; one that slips through is left out of everything here). Two networks are linked
 * when an active LINKED_WITH joins them, or when each is a PARTICIPANT (a party row of type BODY) or a
 * CONVENER of one and the same active INITIATIVE.
 *
 * <p>The context graph joins each network to its goals, service areas, conveners and participating
 * municipalities. Its context vertices carry a type prefix ({@code goal:}, {@code area:}, {@code convener:},
 * {@code municipality:}), so a goal and an area with the same id are different vertices, and a municipality
 * convening one network and taking part in another is not a shared neighbour. For an unlinked pair the
 * Adamic–Adar score is Σ over shared context vertices z of 1/ln(deg z), deg z = the number of networks
 * joined to z (≥ 2 for a shared one). Terms are added in ascending (deg z, z), so two pairs with the same
 * shared degrees get bit-identical scores and tie exactly. Pairs with score 0 (nothing shared) are left out.
 * The triadic count is the number of networks linked to both.
 *
 * <p>Per convener of networks: among the networks it convenes, the pairs that are DIAGONAL, and how many of
 * those are already linked (share null when it has no diagonal pair).
 */
public final class DiagonalLinkAnalysis
        implements CooperationAnalysis<DiagonalLinkAnalysis.Query, DiagonalLinkAnalysis.DiagonalLinks> {

    public enum PairClass { VERTICAL, HORIZONTAL, DIAGONAL, SAME_CELL }

    /**
     * @param classes  which pair classes to report; null or empty means DIAGONAL only
     * @param networks which networks take part (a scope, {@link NetworkScope}); null means every network
     * @param limit    at most this many pairs, the first in the answer's order (the others are counted, not kept:
     *                 the number of pairs grows with the square of the networks sharing a goal or an area); null
     *                 means every pair
     */
    public record Query(Set<PairClass> classes, Predicate<BodyInfo> networks, Integer limit) {
        public Query {
            classes = classes == null || classes.isEmpty()
                    ? Set.of(PairClass.DIAGONAL) : Set.copyOf(EnumSet.copyOf(classes));
            networks = networks == null ? network -> true : networks;
            if (limit != null && limit < 1) {
                throw new IllegalArgumentException("diagonal links: the limit must be at least 1, was " + limit);
            }
        }

        public Query(Set<PairClass> classes, Predicate<BodyInfo> networks) {
            this(classes, networks, null);
        }

        public Query(Set<PairClass> classes) {
            this(classes, null, null);
        }

        static Query diagonal() {
            return new Query(null);
        }
    }

    public record NetworkRef(String id, String name, String sector, Level level, boolean illustrative) {}

    /**
     * An unlinked pair (a.id &lt; b.id) with the context that explains its score.
     *
     * @param triadic networks linked to both a and b
     */
    public record NetworkPair(NetworkRef a, NetworkRef b, PairClass pairClass, double score, int triadic,
                              List<String> sharedGoals, List<String> sharedAreas, List<String> sharedConveners,
                              List<String> sharedMunicipalities, boolean illustrative) {}

    /**
     * @param networks       the networks it convenes (with a grid place)
     * @param diagonalPairs  pairs among them that are DIAGONAL
     * @param linkedPairs    of those, how many are linked
     * @param share          linkedPairs / diagonalPairs, null when there are none
     */
    public record ConvenerShare(String convener, String label, int networks, int diagonalPairs, int linkedPairs,
                                Double share, boolean illustrative) {}

    /**
     * @param pairs      unlinked pairs of the requested classes with score &gt; 0: score desc, then a, then b (with a
     *                   limit, the first {@code limit} of them)
     * @param conveners  by convener id
     * @param pairsTotal with a limit, how many such pairs there are in all; null (and not in the JSON) without one
     */
    public record DiagonalLinks(LocalDate asOf, List<PairClass> classes, int networks, List<NetworkPair> pairs,
                                List<ConvenerShare> conveners,
                                @JsonInclude(JsonInclude.Include.NON_NULL)
                                Long pairsTotal) {}

    /** Networks are scanned in this many interleaved chunks, on up to as many threads. */
    private static final int SCAN_CHUNKS = 2;
    /** Below this many networks a second thread costs more than it saves. */
    private static final int PARALLEL_FROM = 2_000;

    private final int parallelism;

    /** Pairs scanned on as many threads as the JVM sees cores (at most {@value #SCAN_CHUNKS}). */
    public DiagonalLinkAnalysis() {
        this(Runtime.getRuntime().availableProcessors());
    }

    private DiagonalLinkAnalysis(int parallelism) {
        this.parallelism = parallelism;
    }

    /** The same analysis on at most {@code threads} threads; the answer is identical for every value. */
    public DiagonalLinkAnalysis withParallelism(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("diagonal links: the parallelism must be at least 1, was " + threads);
        }
        return new DiagonalLinkAnalysis(threads);
    }

    private static final String GOAL = "goal:";
    private static final String AREA = "area:";
    private static final String CONVENER = "convener:";
    private static final String MUNICIPALITY = "municipality:";

    static PairClass classify(BodyInfo a, BodyInfo b) {
        return classOf(a.sector().equals(b.sector()), a.level() == b.level());
    }

    private static PairClass classOf(boolean sameSector, boolean sameLevel) {
        if (sameSector && sameLevel) {
            return PairClass.SAME_CELL;
        }
        if (sameSector) {
            return PairClass.VERTICAL;
        }
        return sameLevel ? PairClass.HORIZONTAL : PairClass.DIAGONAL;
    }

    @Override
    public DiagonalLinks analyse(CooperationData data, Query query) {
        SortedMap<String, BodyInfo> networks = new TreeMap<>();
        data.bodies().forEach((id, body) -> {
            if (body.form() == Form.NETWORK && body.sector() != null && body.level() != null
                    && query.networks().test(body)) {
                networks.put(id, body);
            }
        });
        Map<String, SortedSet<String>> linked = linkedNetworks(data, networks);
        List<BodyInfo> list = List.copyOf(networks.values());
        int count = list.size();
        // Context vertices numbered in ascending string order, so sorted int arrays intersect in that order.
        SortedSet<String> allContext = new TreeSet<>();
        List<SortedSet<String>> contexts = new ArrayList<>(count);
        List<java.util.Set<String>> invented = new ArrayList<>(count); // context resting on illustrative rows
        for (BodyInfo network : list) {
            SortedSet<String> z = contextOf(network);
            contexts.add(z);
            allContext.addAll(z);
            invented.add(illustrativeContextOf(network));
        }
        String[] zName = allContext.toArray(String[]::new);
        Map<String, Integer> zIndex = new HashMap<>();
        for (int z = 0; z < zName.length; z++) {
            zIndex.put(zName[z], z);
        }
        int[][] context = new int[count][];
        int[] degree = new int[zName.length];
        for (int i = 0; i < count; i++) {
            context[i] = contexts.get(i).stream().mapToInt(zIndex::get).toArray(); // ascending
            for (int z : context[i]) {
                degree[z]++;
            }
        }
        // Networks joined to each context vertex, ascending: a pair with score > 0 shares one of these lists.
        int[][] members = new int[zName.length][];
        for (int z = 0; z < zName.length; z++) {
            members[z] = new int[degree[z]];
        }
        int[] fill = new int[zName.length];
        for (int i = 0; i < count; i++) {
            for (int z : context[i]) {
                members[z][fill[z]++] = i;
            }
        }
        // Terms are added in ascending (deg z, z) as before: order[z] is that position.
        Integer[] byDegree = new Integer[zName.length];
        for (int z = 0; z < zName.length; z++) {
            byDegree[z] = z;
        }
        java.util.Arrays.sort(byDegree, Comparator.comparingInt((Integer z) -> degree[z]).thenComparing(z -> zName[z]));
        int[] order = new int[zName.length];
        for (int r = 0; r < byDegree.length; r++) {
            order[byDegree[r]] = r;
        }
        Map<String, Integer> networkIndex = new HashMap<>();
        for (int i = 0; i < count; i++) {
            networkIndex.put(list.get(i).id(), i);
        }
        int[][] linkedTo = new int[count][];
        for (int i = 0; i < count; i++) {
            linkedTo[i] = linked.getOrDefault(list.get(i).id(), new TreeSet<>()).stream()
                    .mapToInt(networkIndex::get).toArray();
        }

        double[] weight = new double[zName.length];
        for (int z = 0; z < zName.length; z++) {
            weight[z] = 1.0 / Math.log(degree[z]); // used only where deg z >= 2 (a shared vertex)
        }
        int[][] byRank = new int[count][]; // each network's context vertices in ascending (deg z, z)
        for (int i = 0; i < count; i++) {
            int[] ranks = new int[context[i].length];
            for (int x = 0; x < ranks.length; x++) {
                ranks[x] = order[context[i][x]];
            }
            java.util.Arrays.sort(ranks);
            for (int x = 0; x < ranks.length; x++) {
                ranks[x] = byDegree[ranks[x]];
            }
            byRank[i] = ranks;
        }
        PairScan scan = new PairScan(byRank, members, weight, linkedTo, new GridPlace(list, query.classes()), query.limit());
        Scanned[] chunks = scanChunks(scan, count);
        // The answer's order is total (no two pairs share (i, j)), so the merged first pairs do not depend on the chunks.
        long total = 0;
        List<Candidate> kept = new ArrayList<>();
        for (Scanned chunk : chunks) {
            total += chunk.total();
            kept.addAll(chunk.kept());
        }
        kept.sort(DiagonalLinkAnalysis::answerOrder);
        Integer limit = query.limit();
        if (limit != null && kept.size() > limit) {
            kept = kept.subList(0, limit);
        }
        List<NetworkPair> pairs = new ArrayList<>(kept.size());
        int[] shared = new int[zName.length];
        for (Candidate pair : kept) {
            int i = pair.i();
            int j = pair.j();
            BodyInfo a = list.get(i);
            BodyInfo b = list.get(j);
            int k = intersect(context[i], context[j], shared);
            int triadic = intersect(linkedTo[i], linkedTo[j], new int[Math.min(linkedTo[i].length, linkedTo[j].length)]);
            List<String> names = new ArrayList<>(k);
            boolean illustrative = a.restsOnIllustrative() || b.restsOnIllustrative();
            for (int x = 0; x < k; x++) {
                names.add(zName[shared[x]]);
                illustrative |= invented.get(i).contains(zName[shared[x]]) || invented.get(j).contains(zName[shared[x]]);
            }
            pairs.add(new NetworkPair(ref(a), ref(b), classify(a, b), pair.score(), triadic,
                    strip(names, GOAL), strip(names, AREA), strip(names, CONVENER), strip(names, MUNICIPALITY),
                    illustrative));
        }

        return new DiagonalLinks(data.asOf(), query.classes().stream().sorted().toList(), networks.size(),
                List.copyOf(pairs), convenerShares(data, networks, linked), limit == null ? null : total);
    }

    /** An unlinked pair of networks i &lt; j (indices in id order) with its score, before it becomes a row. */
    private record Candidate(double score, int i, int j) {}

    /** The answer's order of pairs: score desc, then i, then j. */
    private static int answerOrder(Candidate x, Candidate y) {
        int byScore = Double.compare(y.score(), x.score());
        if (byScore != 0) {
            return byScore;
        }
        return x.i() != y.i() ? Integer.compare(x.i(), y.i()) : Integer.compare(x.j(), y.j());
    }

    /** Every chunk of the scan, in chunk order: on this thread, or on up to {@link #SCAN_CHUNKS} pool threads. */
    private Scanned[] scanChunks(PairScan scan, int networks) {
        if (networks < PARALLEL_FROM || parallelism == 1) {
            return java.util.stream.IntStream.range(0, SCAN_CHUNKS).mapToObj(c -> scan.chunk(c, SCAN_CHUNKS))
                    .toArray(Scanned[]::new);
        }
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(Math.min(parallelism, SCAN_CHUNKS),
                Thread.ofPlatform().name("diagonal-links-", 1).factory())) {
            List<java.util.concurrent.CompletableFuture<Scanned>> scans = java.util.stream.IntStream.range(0, SCAN_CHUNKS)
                    .mapToObj(c -> java.util.concurrent.CompletableFuture.supplyAsync(() -> scan.chunk(c, SCAN_CHUNKS), pool))
                    .toList();
            return scans.stream().map(java.util.concurrent.CompletableFuture::join).toArray(Scanned[]::new);
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * Whether (score, i, j) comes before the last pair kept in the answer's order. Within a chunk i only grows, so on
     * an equal score the pair comes first only by j.
     */
    private static boolean beatsLastKept(double score, int i, int j, Candidate last) {
        return score > last.score() || score == last.score() && i == last.i() && j < last.j();
    }

    /** What one chunk of networks found: its pairs (with a limit, its first {@code limit}) and how many it scored. */
    private record Scanned(List<Candidate> kept, long total) {}

    /**
     * The pairs (i, j), i &lt; j, that share a context vertex and are of a class asked for and not linked, with their
     * scores. Only such pairs are visited (an all-pairs loop was the cost at size M: bench/README.md). For network i,
     * its context vertices are taken in ascending (deg z, z) and each adds 1/ln(deg z) to every later network j joined
     * to it: j's score then receives its terms in exactly that order, so it is the same sum, bit for bit, as adding up
     * the shared vertices of (i, j) in that order. Networks are split into interleaved chunks (i % chunks), which
     * threads can scan apart: a pair's score does not depend on the chunking.
     */
    private record PairScan(int[][] byRank, int[][] members, double[] weight, int[][] linkedTo, GridPlace grid,
                            Integer limit) {

        Scanned chunk(int chunk, int chunks) {
            int count = byRank.length;
            // with a limit, a heap whose head is the last pair kept
            java.util.PriorityQueue<Candidate> first = limit == null ? null
                    : new java.util.PriorityQueue<>(limit + 1, (x, y) -> answerOrder(y, x));
            List<Candidate> all = limit == null ? new ArrayList<>() : null;
            long total = 0;
            int[] seen = new int[count];
            boolean[] wanted = new boolean[count]; // for the pair (seen[j], j): of a class asked for and not linked
            int[] linkedMark = new int[count];
            java.util.Arrays.fill(seen, -1);
            java.util.Arrays.fill(linkedMark, -1);
            int[] candidates = new int[count];
            double[] score = new double[count];
            for (int i = chunk; i < count; i += chunks) {
                for (int b : linkedTo[i]) {
                    linkedMark[b] = i;
                }
                int found = 0;
                for (int z : byRank[i]) {
                    double term = weight[z];
                    int[] joined = members[z];
                    for (int x = joined.length - 1; x >= 0 && joined[x] > i; x--) { // ascending: the later networks
                        int j = joined[x];
                        if (seen[j] != i) {
                            seen[j] = i;
                            wanted[j] = linkedMark[j] != i && grid.wanted(i, j);
                            if (!wanted[j]) {
                                continue;
                            }
                            score[j] = 0.0;
                            candidates[found++] = j;
                        } else if (!wanted[j]) {
                            continue;
                        }
                        score[j] += term;
                    }
                }
                total += found;
                for (int c = 0; c < found; c++) {
                    int j = candidates[c];
                    double s = score[j];
                    if (all != null) {
                        all.add(new Candidate(s, i, j));
                    } else if (first.size() < limit) {
                        first.add(new Candidate(s, i, j));
                    } else if (beatsLastKept(s, i, j, first.peek())) {
                        first.poll();
                        first.add(new Candidate(s, i, j));
                    }
                }
            }
            return new Scanned(all != null ? all : new ArrayList<>(first), total);
        }
    }

    /** The networks' places in the grid as numbers, to classify a pair without comparing strings. */
    private static final class GridPlace {
        private final int[] sector;
        private final int[] level;
        private final boolean[] wantedClass = new boolean[PairClass.values().length];

        GridPlace(List<BodyInfo> networks, Set<PairClass> classes) {
            Map<String, Integer> sectors = new HashMap<>();
            sector = new int[networks.size()];
            level = new int[networks.size()];
            for (int i = 0; i < networks.size(); i++) {
                sector[i] = sectors.computeIfAbsent(networks.get(i).sector(), s -> sectors.size());
                level[i] = networks.get(i).level().ordinal();
            }
            classes.forEach(c -> wantedClass[c.ordinal()] = true);
        }

        /** As {@link #classify}, on the numbers: whether the pair's class is one asked for. */
        boolean wanted(int i, int j) {
            return wantedClass[classOf(sector[i] == sector[j], level[i] == level[j]).ordinal()];
        }
    }

    /** Linked on the date: an active LINKED_WITH, or both PARTICIPANT or CONVENER of one active initiative. */
    private static Map<String, SortedSet<String>> linkedNetworks(CooperationData data, SortedMap<String, BodyInfo> networks) {
        Map<String, SortedSet<String>> linked = new HashMap<>();
        for (NetworkLink link : data.links()) {
            if (networks.containsKey(link.a()) && networks.containsKey(link.b()) && !link.a().equals(link.b())) {
                link(linked, link.a(), link.b());
            }
        }
        for (BodyInfo initiative : data.bodies().values()) {
            if (initiative.form() != Form.INITIATIVE) {
                continue;
            }
            SortedSet<String> involved = new TreeSet<>();
            initiative.parties().stream()
                    .filter(p -> p.type() == PartyType.BODY && p.role() == PartyRole.PARTICIPANT)
                    .map(p -> p.partyId()).filter(networks::containsKey).forEach(involved::add);
            initiative.conveners().stream().filter(networks::containsKey).forEach(involved::add);
            List<String> list = List.copyOf(involved);
            for (int i = 0; i < list.size(); i++) {
                for (int j = i + 1; j < list.size(); j++) {
                    link(linked, list.get(i), list.get(j));
                }
            }
        }
        return linked;
    }

    private static SortedSet<String> contextOf(BodyInfo network) {
        SortedSet<String> z = new TreeSet<>();
        network.goals().forEach(g -> z.add(GOAL + g));
        network.areas().forEach(a -> z.add(AREA + a));
        network.conveners().forEach(c -> z.add(CONVENER + c));
        network.parties().stream()
                .filter(p -> p.type() == PartyType.MUNICIPALITY && p.role() == PartyRole.PARTICIPANT)
                .forEach(p -> z.add(MUNICIPALITY + p.partyId()));
        return z;
    }

    /** The context items of a network that rest on illustrative rows: goals, convener rows, participant rows. */
    private static java.util.Set<String> illustrativeContextOf(BodyInfo network) {
        java.util.Set<String> z = new java.util.HashSet<>();
        network.illustrativeGoals().forEach(g -> z.add(GOAL + g));
        network.illustrativeConveners().forEach(c -> z.add(CONVENER + c));
        network.parties().stream().filter(PartyInfo::illustrative)
                .forEach(p -> z.add(MUNICIPALITY + p.partyId()));
        return z;
    }

    private static List<ConvenerShare> convenerShares(CooperationData data, SortedMap<String, BodyInfo> networks,
                                                      Map<String, SortedSet<String>> linked) {
        SortedMap<String, List<BodyInfo>> byConvener = new TreeMap<>();
        networks.values().forEach(n -> n.conveners().forEach(c -> byConvener.computeIfAbsent(c, k -> new ArrayList<>()).add(n)));
        List<ConvenerShare> shares = new ArrayList<>();
        byConvener.forEach((convener, convened) -> {
            int possible = 0;
            int done = 0;
            for (int i = 0; i < convened.size(); i++) {
                for (int j = i + 1; j < convened.size(); j++) {
                    if (classify(convened.get(i), convened.get(j)) == PairClass.DIAGONAL) {
                        possible++;
                        if (isLinked(linked, convened.get(i).id(), convened.get(j).id())) {
                            done++;
                        }
                    }
                }
            }
            boolean illustrative = convened.stream().anyMatch(n -> n.restsOnIllustrative()
                    || n.illustrativeConveners().contains(convener));
            shares.add(new ConvenerShare(convener, NodeLabels.label(data, convener), convened.size(), possible, done,
                    possible == 0 ? null : (double) done / possible, illustrative));
        });
        return List.copyOf(shares);
    }

    private static void link(Map<String, SortedSet<String>> linked, String a, String b) {
        linked.computeIfAbsent(a, k -> new TreeSet<>()).add(b);
        linked.computeIfAbsent(b, k -> new TreeSet<>()).add(a);
    }

    private static boolean isLinked(Map<String, SortedSet<String>> linked, String a, String b) {
        return linked.getOrDefault(a, new TreeSet<>()).contains(b);
    }

    /** The common values of two ascending arrays into out, ascending; returns how many. */
    private static int intersect(int[] x, int[] y, int[] out) {
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < x.length && j < y.length) {
            if (x[i] < y[j]) {
                i++;
            } else if (x[i] > y[j]) {
                j++;
            } else {
                out[k++] = x[i];
                i++;
                j++;
            }
        }
        return k;
    }

    private static List<String> strip(List<String> shared, String prefix) {
        return shared.stream().filter(z -> z.startsWith(prefix)).map(z -> z.substring(prefix.length())).toList();
    }

    private static NetworkRef ref(BodyInfo network) {
        return new NetworkRef(network.id(), network.name(), network.sector(), network.level(), network.illustrative());
    }
}
