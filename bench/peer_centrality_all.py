#!/usr/bin/python3
"""The all-sources traversals of `centrality?scope=all` in the peers, as a yardstick for issue 17 target 2.

    ~/.cache/samverkansvaven-bench/venv/bin/python bench/peer_centrality_all.py EDGES [--threads 2]

EDGES holds "u v w" lines (BenchmarkMain's WORK/projection-edges.txt). Times the three searches from every vertex
that the request needs, in every peer that has them: betweenness in hops (NetworKit and rustworkx on --threads
threads, igraph on one), betweenness with lengths 1/w (NetworKit, igraph; rustworkx has no weighted betweenness) and
harmonic closeness in hops (NetworKit, igraph; rustworkx has none). Each call runs once, unwarmed (each takes seconds;
side_by_side.py does the same for NetworkX's betweenness), outside the graph's construction. Prints one JSON object:
the versions and threads, per traversal each peer's seconds and maximum value (normalised as NetworkX does, to check
against ours), and the fastest peer's sum over the three.

The peers compare float lengths 1/w, so their weighted betweenness drops the ties that domain.md counts in exact
arithmetic: their values differ a little from ours, the work is the same Brandes search from every vertex.
"""
import json
import os
import sys
import time

THREADS = int(sys.argv[sys.argv.index("--threads") + 1]) if "--threads" in sys.argv else 2
os.environ["RAYON_NUM_THREADS"] = str(THREADS)  # before rustworkx is imported

import igraph as ig  # noqa: E402
import networkit as nk  # noqa: E402
import rustworkx as rx  # noqa: E402


def timed(call):
    start = time.perf_counter()
    value = call()
    return {"seconds": round(time.perf_counter() - start, 3), "max": value}


def main():
    nk.setNumberOfThreads(THREADS)
    index = {}
    edges = []
    for line in open(sys.argv[1]):
        u, v, w = line.split()
        edges.append((index.setdefault(u, len(index)), index.setdefault(v, len(index)), float(w)))
    n = len(index)
    pair_scale = 2.0 / ((n - 1) * (n - 2))  # NetworkX's normalisation of igraph's pairs, each counted once
    nk_hops = nk.Graph(n)
    nk_lengths = nk.Graph(n, weighted=True)
    for a, b, w in edges:
        nk_hops.addEdge(a, b)
        nk_lengths.addEdge(a, b, 1.0 / w)
    ig_graph = ig.Graph(n=n, edges=[(a, b) for a, b, _ in edges])
    ig_lengths = [1.0 / w for _, _, w in edges]
    rx_graph = rx.PyGraph()
    rx_graph.add_nodes_from(range(n))
    rx_graph.add_edges_from_no_data([(a, b) for a, b, _ in edges])

    def nk_betweenness(g):
        run = nk.centrality.Betweenness(g, normalized=True)  # as side_by_side.py, whose check matches NetworkX's
        run.run()
        return max(run.scores())

    def nk_harmonic():
        run = nk.centrality.HarmonicCloseness(nk_hops, normalized=True)
        run.run()
        return max(run.scores())

    traversals = {
        "betweenness_hops": {
            "networkit": lambda: nk_betweenness(nk_hops),
            "rustworkx": lambda: max(rx.graph_betweenness_centrality(rx_graph, normalized=True,
                                                                     parallel_threshold=0).values()),
            "igraph": lambda: max(ig_graph.betweenness(directed=False)) * pair_scale,
        },
        "betweenness_weighted": {
            "networkit": lambda: nk_betweenness(nk_lengths),
            "igraph": lambda: max(ig_graph.betweenness(directed=False, weights=ig_lengths)) * pair_scale,
        },
        "harmonic": {
            "networkit": nk_harmonic,
            "igraph": lambda: max(ig_graph.harmonic_centrality()),
        },
    }
    out = {"versions": {"networkit": nk.__version__, "rustworkx": rx.__version__, "igraph": ig.__version__},
           "threads": {"networkit": nk.getMaxNumberOfThreads(), "rustworkx": THREADS, "igraph": 1},
           "vertices": n, "edges": len(edges)}
    fastest = 0.0
    for name, peers in traversals.items():
        out[name] = {peer: timed(call) for peer, call in peers.items()}
        best = min(out[name], key=lambda peer: out[name][peer]["seconds"])
        out[name]["fastest"] = best
        fastest += out[name][best]["seconds"]
    out["fastest_peers_total_seconds"] = round(fastest, 3)
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
