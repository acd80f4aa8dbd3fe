#!/usr/bin/python3
"""What the structure of P leaves to the known exact speed-ups of all-sources betweenness (issue 17 target 2).

    /usr/bin/python3 bench/structure.py EDGES [--sources 40] [--seed 1]

EDGES holds "u v w" lines, as BenchmarkMain writes them (WORK/projection-edges.txt). Prints one JSON object with what
each reduction could save, measured rather than assumed:

- biconnected: the number of biconnected components, the largest one's size and the articulation points. Brandes'
  searches can be split at articulation points (A. E. Sariyüce et al., "Shattering and compressing networks for
  betweenness centrality", SDM 2013); one component holding every vertex leaves nothing to split.
- leaves: vertices of degree 1, whose searches the same paper folds into their neighbour's.
- twins: classes of vertices with equal open neighbourhoods N(v) or equal closed ones N[v]; a class shares one
  search per source side (Sariyüce et al., "identical vertices"), so at most (vertices in classes - classes) / n of the
  searches could go.
- levels: for a seeded sample of sources, the number of breadth-first levels (eccentricity + 1) and the share of row
  slots a direction-optimizing search (S. Beamer, K. Asanović, D. Patterson, "Direction-optimizing breadth-first
  search", SC 2012) would scan if each level took the cheaper of its two directions: sum over levels of
  min(frontier's degrees, unvisited degrees) / 2m. That is a bound in its favour, since Brandes' path counts need
  every parent of a vertex, so a bottom-up step cannot stop at the first parent it finds.
"""
import collections
import json
import random
import statistics
import sys

import networkx as nx


def read(path):
    index = {}
    edges = []
    weights = collections.Counter()
    for line in open(path):
        u, v, w = line.split()
        a = index.setdefault(u, len(index))
        b = index.setdefault(v, len(index))
        edges.append((a, b))
        weights[int(float(w))] += 1
    rows = [[] for _ in index]
    for a, b in edges:
        rows[a].append(b)
        rows[b].append(a)
    return rows, edges, weights


def twins(rows):
    open_classes = collections.defaultdict(list)
    closed_classes = collections.defaultdict(list)
    for v, row in enumerate(rows):
        open_classes[tuple(sorted(row))].append(v)
        closed_classes[tuple(sorted(row + [v]))].append(v)
    out = {}
    for name, classes in (("open", open_classes), ("closed", closed_classes)):
        big = [c for c in classes.values() if len(c) > 1]
        members = sum(len(c) for c in big)
        out[name] = {"classes": len(big), "vertices": members,
                     "searches_saved_at_most": round((members - len(big)) / len(rows), 4)}
    return out


def levels(rows, sources):
    degree = [len(r) for r in rows]
    slots = sum(degree)
    counts = []
    shares = []
    for s in sources:
        dist = [-1] * len(rows)
        dist[s] = 0
        frontier = [s]
        scanned = []
        while frontier:
            scanned.append(sum(degree[v] for v in frontier))
            following = []
            for v in frontier:
                for w in rows[v]:
                    if dist[w] < 0:
                        dist[w] = dist[v] + 1
                        following.append(w)
            frontier = following
        unvisited_after = [sum(scanned[i + 1:]) for i in range(len(scanned))]
        counts.append(len(scanned))
        shares.append(sum(min(f, u) for f, u in zip(scanned, unvisited_after)) / slots)
    return {"sources": len(sources), "levels_median": statistics.median(counts), "levels_max": max(counts),
            "direction_optimizing_scan_share_median": round(statistics.median(shares), 4)}


def main():
    path = sys.argv[1]
    sample = int(sys.argv[sys.argv.index("--sources") + 1]) if "--sources" in sys.argv else 40
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 1
    rows, edges, weights = read(path)
    g = nx.Graph()
    g.add_nodes_from(range(len(rows)))
    g.add_edges_from(edges)
    components = sorted((len(c) for c in nx.biconnected_components(g)), reverse=True)
    sources = random.Random(seed).sample(range(len(rows)), min(sample, len(rows)))
    print(json.dumps({
        "vertices": len(rows),
        "edges": len(edges),
        "weights": dict(sorted(weights.items())),
        "biconnected": {"components": len(components), "largest": components[0] if components else 0,
                        "articulation_points": sum(1 for _ in nx.articulation_points(g))},
        "leaves": sum(1 for r in rows if len(r) == 1),
        "twins": twins(rows),
        "levels": levels(rows, sources),
    }, indent=1))


if __name__ == "__main__":
    main()
