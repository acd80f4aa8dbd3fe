#!/usr/bin/env bash
# A cached read beside 32 connections of uncached GEXF exports with the audit trail, with the bulkhead off
# (samverkansvaven.web.expensive.concurrent=1000) and on (the defaults), the app restarted between (issue 18;
# bench/README.md "Expensive requests beside cached reads"). Needs wrk and target/samverkansvaven.jar.
# bench/bulkhead.sh [rounds] ; env PORT, BOLT_PORT, DATA (default target/bench-bulkhead-data)
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-1}
PORT=${PORT:-18081}
BOLT_PORT=${BOLT_PORT:-17681}
DATA=${DATA:-target/bench-bulkhead-data}
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
BASE=http://127.0.0.1:$PORT
CACHED=$BASE/api/municipalities/1496
EXPORT="$BASE/api/snapshots?format=gexf&includeChanges=true"

run() { # label, extra settings...
  local label=$1; shift
  "$JAVA" -Xmx2g -jar target/samverkansvaven.jar --server.port=$PORT --samverkansvaven.embedded.bolt-port=$BOLT_PORT \
    --samverkansvaven.embedded.data-dir=$DATA --logging.level.root=WARN "$@" >target/bench-bulkhead-app.log 2>&1 &
  local app=$!
  until curl -sf -o /dev/null "$CACHED"; do sleep 1; done
  for _ in $(seq 200); do curl -s -o /dev/null "$CACHED"; done
  curl -s -o /dev/null "$EXPORT"
  wrk -t2 -c8 -d10s "$CACHED" >/dev/null # warm-up, untimed
  local alone beside
  alone=$(wrk -t2 -c8 -d20s "$CACHED" | awk '/Requests\/sec/ {print $2}')
  wrk -t2 -c32 -d45s --timeout 60s "$EXPORT" >target/bench-bulkhead-exports.txt &
  local exports=$!
  sleep 10
  beside=$(wrk -t2 -c8 -d20s --latency "$CACHED" | tee target/bench-bulkhead-beside.txt | awk '/Requests\/sec/ {print $2}')
  wait $exports
  local p99 done
  p99=$(awk '$1 == "99%" {print $2}' target/bench-bulkhead-beside.txt)
  # exports answered 200 per second: all requests minus non-2xx (the bulkhead's 503s) over wrk's duration
  done=$(awk '/requests in/ {n = $1; s = $4 + 0} /Non-2xx/ {bad = $5} END {printf "%.2f req/s (%d of %d)", (n - bad) / s, n - bad, n}' \
    target/bench-bulkhead-exports.txt)
  kill $app; wait $app 2>/dev/null || true
  printf '%-13s cached read alone %8s req/s | beside 32 export connections %8s req/s, p99 %s | exports done %s\n' \
    "$label" "$alone" "$beside" "$p99" "$done"
}

for _ in $(seq "$ROUNDS"); do
  run "bulkhead off" --samverkansvaven.web.expensive.concurrent=1000 --samverkansvaven.web.expensive.queue=0
  run "bulkhead on"
done
