#!/usr/bin/env bash
# One command for the benchmark of issue 7: bench/run.sh S|M|L [seed] [--api-only] [--pages-only] [--uncached] [--only NAME,...]
# [--dump DIR]. See bench/README.md.
set -euo pipefail
USAGE="usage: bench/run.sh S|M|L [seed] [--api-only] [--pages-only] [--uncached] [--only NAME,...] [--dump DIR]"
SIZE=${1:?$USAGE}
shift
SEED=1
FLAGS=()
while [ $# -gt 0 ]; do
  case $1 in
    --api-only) FLAGS+=(--api-only) ;;  # at S: load, then only the API under wrk (a few minutes)
    --uncached) FLAGS+=(--uncached) ;;  # no response cache, revision read per request (as before the cache)
    --pages-only) FLAGS+=(--pages-only) ;;  # at S: load, then only the pages in Chromium
    --only|--dump)  # load, then only these analyses/metrics/"exports"; the answers (and export files) as files in DIR
      [ $# -ge 2 ] || { echo "$1 needs a value; $USAGE" >&2; exit 2; }
      FLAGS+=("$1" "$2"); shift ;;
    --*) echo "unknown option $1; $USAGE" >&2; exit 2 ;;
    *) SEED=$1 ;;
  esac
  shift
done
cd "$(dirname "$0")/.."
ROOT=$PWD

# Debian packages, installed only when missing.
need=()
command -v wrk >/dev/null || need+=(wrk)
/usr/bin/python3 -c 'import networkx' 2>/dev/null || need+=(python3-networkx)
/usr/bin/python3 -c 'import igraph' 2>/dev/null || need+=(python3-igraph)
[ "$SIZE" != S ] || command -v chromium >/dev/null || need+=(chromium)
[ "$SIZE" != S ] || command -v chromedriver >/dev/null || need+=(chromium-driver)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -q && $SUDO apt-get install -y -q "${need[@]}"
fi

# The peers of issue 17 (NetworKit, rustworkx, igraph 1.0, NetworkX 3.6) in a venv outside the repository, pinned;
# if pip cannot install them, the side by side names them as missing and runs the Debian ones alone.
VENV=${BENCH_VENV:-$HOME/.cache/samverkansvaven-bench/venv}
if ! "$VENV/bin/python" -c 'import networkit, rustworkx, igraph, networkx' 2>/dev/null; then
  { /usr/bin/python3 -m venv "$VENV" && "$VENV/bin/pip" install -q networkit==11.2.2 rustworkx==0.18.1 igraph==1.0.0 \
      networkx==3.6.1; } || echo "the venv peers could not be installed: the side by side names them as missing" >&2
fi

export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -q -DskipTests package test-compile
./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test

/usr/bin/python3 bench/generate.py "$SIZE" --seed "$SEED" --out bench/data
DATA=bench/data/$SIZE-seed$SEED
WORK=$(mktemp -d /tmp/samverkansvaven-bench-$SIZE.XXXXXX)
# date and time in the name, so a second run on the same day keeps the first
NAME=
for ((i = 0; i < ${#FLAGS[@]}; i++)); do  # the options in the name, e.g. L-...-only-exports.json (not --dump's folder)
  if [ "${FLAGS[i]}" = --dump ]; then i=$((i + 1)); else NAME+=-${FLAGS[i]#--}; fi
done
OUT=bench/results/$SIZE-$(date +%Y-%m-%d-%H%M)$(printf '%s' "$NAME" | tr ',' '+').json
case $SIZE in
  S) EXTRA=(--serve --repeats 20); HEAP=4g ;;
  M) EXTRA=(--geography "$DATA/geography" --repeats 1); HEAP=4g ;;  # warm-up + 1: centrality alone is ~1 min at M
  # L: 6-digit codes and 2 M party rows need the two settings. Centrality and exit impact run with pivots (as
  # centrality?pivots=k and exit?pivots=k), gaps and diagonal links as a first page (limit=100) with the count of
  # the whole list. What stays out, each with the measurement it rests on (the JSON has the figures: exact_estimates,
  # betweenness_sampled.*.exact_estimate_s, pairs_total, json_bytes); bench/README.md "L". gaps_area runs whole: the
  # generated webs declare no coverage, so there are no gaps to list (bench/README.md "L").
  L) EXTRA=(--geography "$DATA/geography" --repeats 1 --pivots 100,500 --centrality-pivots 100
       --properties "samverkansvaven.data.municipality-code-pattern=[0-9]{6};samverkansvaven.limits.rows-per-file=3000000;samverkansvaven.cache.dates=2"
       --skip "centrality_all=exact: every vertex a source, estimated from centrality_pivots x n/k (exact_estimates);centrality_all_1thread=as centrality_all, on one thread;exit_all=exact: estimated from exit_pivots x n/k (exact_estimates);diagonal_links=every pair: pairs_total x the bytes per pair of diagonal_links_first100, far beyond the 4 GB heap;betweenness=exact Brandes: betweenness_sampled.*.exact_estimate_s;harmonic=exact harmonic closeness, a search from every vertex as exact betweenness (betweenness_sampled.*.exact_estimate_s bounds it);exact_betweenness=as betweenness; the error of the pivots is measured at M (centrality_pivots_error);side_by_side=NetworkX's betweenness alone: 974 s at M from 100 sampled sources scaled, ~100x that at L (n and m both ~10x)")
     HEAP=4g ;;
esac
# BENCH_TIME_CAP (e.g. 50m) stops the harness after that long; the JSON then holds what was measured so far.
# BENCH_GC overrides the collector (e.g. -XX:+UseG1GC, the JVM's default and what the app runs with).
timeout --signal=KILL "${BENCH_TIME_CAP:-0}" "$JAVA_HOME/bin/java" -Xmx$HEAP "${BENCH_GC:--XX:+UseParallelGC}" \
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --enable-native-access=ALL-UNNAMED \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  se.samverkansvaven.bench.BenchmarkMain --size "$SIZE" --bundle "$DATA/bundle" --work "$WORK" --out "$OUT" --peers-python "$VENV/bin/python" "${EXTRA[@]}" ${FLAGS[@]+"${FLAGS[@]}"} \
  2> >(grep -v -e '^WARNING' -e '^SLF4J' >&2) || echo "harness stopped (exit $?): the table shows what was measured"
/usr/bin/python3 bench/table.py "$OUT"
rm -rf "$WORK"
