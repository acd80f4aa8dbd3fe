#!/usr/bin/python3
"""The side-by-side metrics of issue 17 in every peer the running Python can import, on the edge list the Java
harness wrote.

    /usr/bin/python3 bench/side_by_side.py EDGES [--repeats 3] [--threads 2]       # Debian: NetworkX 2.8, igraph 0.10
    ~/.cache/samverkansvaven-bench/venv/bin/python bench/side_by_side.py EDGES ...  # NetworKit, rustworkx, igraph 1.0, NetworkX 3.6

EDGES holds "u v w" lines: the weighted projection P exactly as the app computed it. Prints one JSON object: per tool
(name and version), the threads it ran on and per metric the median wall time in seconds of the call alone after one
warm-up run (15 runs for calls under 100 ms, after a second of untimed runs, as BenchmarkMain does; NetworkX's
betweenness and harmonic closeness above 3,000 vertices run once, unwarmed, on 100 sources and are scaled by n/100;
each graph is built once, outside the clock) and a checksum of the result, so one can see that the tools computed
the same thing as the app:

- components: number of connected components
- coreness: k-core numbers (unweighted), sum
- pagerank: damping 0.85 on the weights, max (NetworkX and rustworkx tol 1e-12 as domain.md; igraph PRPACK, exact;
  NetworKit tol 1e-12, whose undirected PageRank does not spread an isolated vertex's rank: its sum is kept too)
- betweenness: unweighted, all sources, max, normalised as NetworkX does (2/((n-1)(n-2)))
- louvain: NetworkX louvain_communities(seed=1) / igraph community_multilevel / NetworKit PLM (default, no
  refinement; and PLM with refinement beside it), on the weights; the check is the modularity of the partition
- harmonic: harmonic closeness in hops, divided by n - 1, max (rustworkx has none)

NetworKit runs on --threads OpenMP threads and rustworkx's betweenness on as many Rayon threads (RAYON_NUM_THREADS,
set before the import, and parallel_threshold 0); NetworkX and igraph are single-threaded.
"""
import json
import os
import platform
import random
import statistics
import sys
import time

THREADS = int(sys.argv[sys.argv.index("--threads") + 1]) if "--threads" in sys.argv else 2
os.environ.setdefault("RAYON_NUM_THREADS", str(THREADS))

FAST_S = 0.1  # calls faster than this are timed FAST_REPEATS times (the Java harness uses the same rule)
FAST_REPEATS = 15
FAST_WARM_UP_S = 1.0  # ... after this long of untimed runs, which the JVM's JIT needs and which costs the others nothing
SAMPLE_ABOVE = 3000  # NetworkX's O(n m) measures run on SAMPLE sources above this many vertices
SAMPLE = 100


def timed(fn, repeats, warm_up=True):
    """Median wall time after one warm-up run; sub-100 ms calls get a second more of warm-up and at least 15 timed
    runs, as in BenchmarkMain."""
    times, result = [], None
    if warm_up:
        t = time.perf_counter()
        result = fn()
        if time.perf_counter() - t < FAST_S:
            repeats = max(repeats, FAST_REPEATS)
            warm = time.perf_counter()
            while time.perf_counter() - warm < FAST_WARM_UP_S:
                result = fn()
    for _ in range(repeats):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def networkx_tool(nx, edges, n, repeats):
    g = nx.Graph()
    g.add_weighted_edges_from(edges)
    out = {}
    s, r = timed(lambda: nx.number_connected_components(g), repeats)
    out["components"] = {"seconds": s, "check": r}
    s, r = timed(lambda: nx.core_number(g), repeats)
    out["coreness"] = {"seconds": s, "check": sum(r.values())}
    s, r = timed(lambda: nx.pagerank(g, alpha=0.85, weight="weight", tol=1e-12, max_iter=10000), repeats)
    out["pagerank"] = {"seconds": s, "check": max(r.values())}
    # Exact NetworkX betweenness is O(n m) in Python: about an hour at M. Above 3,000 vertices it runs on
    # SAMPLE sampled sources and its time is scaled by n/SAMPLE (the work is linear in the sources); marked so.
    k = n if n <= SAMPLE_ABOVE else SAMPLE
    s, r = timed(lambda: nx.betweenness_centrality(g, normalized=True, k=k if k < n else None, seed=1), 1,
                 warm_up=k == n)
    out["betweenness"] = {"seconds": s * n / k, "check": max(r.values()) if k == n else None}
    nodes = sorted(g.nodes())
    sources = nodes if k == n else random.Random(1).sample(nodes, k)

    def harmonic():  # harmonic_centrality's own loop, one BFS per source (its `sources` sums the other way round)
        return [sum(1.0 / d for d in nx.single_source_shortest_path_length(g, u).values() if d > 0) / (n - 1)
                for u in sources]

    s, r = timed(harmonic, 1, warm_up=k == n)
    out["harmonic"] = {"seconds": s * n / k, "check": max(r) if k == n else None}
    if k < n:
        for metric in ("betweenness", "harmonic"):
            out[metric]["extrapolated_from_sources"] = k
            out[metric]["measured_seconds"] = out[metric]["seconds"] * k / n

    def louvain():
        parts = nx.community.louvain_communities(g, weight="weight", seed=1)
        return nx.community.modularity(g, parts, weight="weight")

    s, r = timed(louvain, repeats)
    out["louvain"] = {"seconds": s, "check": r}
    return {"name": "networkx", "version": nx.__version__, "threads": 1, "metrics": out}


def igraph_tool(ig, edges, n, repeats):
    h = ig.Graph(n=n, edges=[(u, v) for u, v, _ in edges])
    h.es["weight"] = [w for _, _, w in edges]
    out = {}
    s, r = timed(lambda: len(h.connected_components()), repeats)
    out["components"] = {"seconds": s, "check": r}
    s, r = timed(lambda: h.coreness(), repeats)
    out["coreness"] = {"seconds": s, "check": sum(r)}
    s, r = timed(lambda: h.pagerank(damping=0.85, weights="weight"), repeats)
    out["pagerank"] = {"seconds": s, "check": max(r)}
    scale = 2.0 / ((n - 1) * (n - 2)) if n > 2 else 1.0
    s, r = timed(lambda: h.betweenness(directed=False), repeats)
    out["betweenness"] = {"seconds": s, "check": max(r) * scale}
    s, r = timed(lambda: h.harmonic_centrality(normalized=True), repeats)
    out["harmonic"] = {"seconds": s, "check": max(r)}
    s, r = timed(lambda: h.community_multilevel(weights="weight").modularity, repeats)
    out["louvain"] = {"seconds": s, "check": r}
    return {"name": "igraph", "version": ig.__version__, "threads": 1, "metrics": out}


def networkit_tool(nk, edges, n, repeats):
    nk.setNumberOfThreads(THREADS)
    nk.engineering.setSeed(1, True)
    weighted = nk.Graph(n, weighted=True)
    plain = nk.Graph(n)
    for u, v, w in edges:
        weighted.addEdge(u, v, w)
        plain.addEdge(u, v)
    out = {}
    s, r = timed(lambda: nk.components.ConnectedComponents(plain).run().numberOfComponents(), repeats)
    out["components"] = {"seconds": s, "check": r}
    s, r = timed(lambda: nk.centrality.CoreDecomposition(plain).run().scores(), repeats)
    out["coreness"] = {"seconds": s, "check": int(sum(r))}
    s, r = timed(lambda: nk.centrality.PageRank(weighted, damp=0.85, tol=1e-12).run().scores(), repeats)
    out["pagerank"] = {"seconds": s, "check": max(r), "sum": sum(r)}
    s, r = timed(lambda: nk.centrality.Betweenness(plain, normalized=True).run().scores(), repeats)
    out["betweenness"] = {"seconds": s, "check": max(r)}
    s, r = timed(lambda: nk.centrality.HarmonicCloseness(plain, normalized=True).run().scores(), repeats)
    out["harmonic"] = {"seconds": s, "check": max(r)}
    quality = nk.community.Modularity()

    def plm(refine):
        return quality.getQuality(nk.community.PLM(weighted, refine=refine).run().getPartition(), weighted)

    # The partition alone is timed; its modularity is computed outside the clock.
    s, _ = timed(lambda: nk.community.PLM(weighted, refine=False).run(), repeats)
    out["louvain"] = {"seconds": s, "check": plm(False), "algorithm": "PLM, refine=False (default)"}
    s, _ = timed(lambda: nk.community.PLM(weighted, refine=True).run(), repeats)
    out["louvain_refined"] = {"seconds": s, "check": plm(True), "algorithm": "PLM, refine=True"}
    return {"name": "networkit", "version": nk.__version__, "threads": nk.getMaxNumberOfThreads(), "metrics": out}


def rustworkx_tool(rx, edges, n, repeats):
    g = rx.PyGraph()
    g.add_nodes_from(range(n))
    g.add_edges_from(edges)
    d = g.to_directed()  # rustworkx's PageRank takes a PyDiGraph: each edge both ways, as NetworkX does
    out = {}
    s, r = timed(lambda: rx.number_connected_components(g), repeats)
    out["components"] = {"seconds": s, "check": r}
    s, r = timed(lambda: rx.core_number(g), repeats)
    out["coreness"] = {"seconds": s, "check": sum(r.values())}
    s, r = timed(lambda: rx.pagerank(d, alpha=0.85, weight_fn=float, tol=1e-12, max_iter=10000), repeats)
    out["pagerank"] = {"seconds": s, "check": max(r.values())}
    s, r = timed(lambda: rx.graph_betweenness_centrality(g, normalized=True, parallel_threshold=0), repeats)
    out["betweenness"] = {"seconds": s, "check": max(r.values())}
    return {"name": "rustworkx", "version": rx.__version__, "threads": int(os.environ["RAYON_NUM_THREADS"]),
            "threads_note": "betweenness only (Rayon); the rest single-threaded", "metrics": out}


def main():
    path = sys.argv[1]
    repeats = int(sys.argv[sys.argv.index("--repeats") + 1]) if "--repeats" in sys.argv else 3
    names, raw = {}, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            u, v, w = line.split()
            raw.append((u, v, float(w)))
            names.setdefault(u, None)
            names.setdefault(v, None)
    index = {name: i for i, name in enumerate(sorted(names))}
    edges = [(index[u], index[v], w) for u, v, w in raw]
    n = len(index)
    out = {"vertices": n, "edges": len(edges), "python": platform.python_version(), "executable": sys.executable,
           "tools": [], "missing": {}}
    for module, run in (("networkit", networkit_tool), ("rustworkx", rustworkx_tool), ("igraph", igraph_tool),
                        ("networkx", networkx_tool)):
        try:
            lib = __import__(module)
        except ImportError as e:
            out["missing"][module] = str(e)
            continue
        print("side_by_side.py: %s %s" % (module, lib.__version__), file=sys.stderr, flush=True)
        out["tools"].append(run(lib, edges, n, repeats))
    print(json.dumps(out))


if __name__ == "__main__":
    main()
