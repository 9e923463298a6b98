#!/usr/bin/env bash
# The cost of a token: bench/run.sh [h2|postgresql|both] (default both). Not part of the test command.
# Starts its own server (bin/rill-server, demo organization) on BENCH_PORT and loads it on loopback with wrk
# (Debian's package, installed here when missing; BENCH_CONNECTIONS connections, default 8, BENCH_SECONDS seconds
# per scenario, default 8, after warm-up rounds of BENCH_WARMUP seconds of each scenario, default 5, until a round leaves the JIT compiler nearly idle; each measured BENCH_ROUNDS times in turn, default 2, the best kept), then prints throughput, p50/p99 latency and ratios (bench/Bench.java).
# PostgreSQL runs as a throwaway cluster under target/bench-pg. The request rate limits are set high: the bench
# measures what they cost, not their effect. BENCH_JFR=1 also records a flight recording of each server
# (target/bench/server-*.jfr) and prints its hottest frames.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v wrk >/dev/null; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk
fi
which="${1:-both}"
port="${BENCH_PORT:-8097}"
pg_port="${BENCH_PG_PORT:-54330}"
. bench/compile.sh bench/Bench.java

run() { # database-name jdbc-url user password
  local log="target/bench/server-$1.log"
  echo "== $1"
  RILL_DB_URL="$2" RILL_DB_USER="$3" RILL_DB_PASSWORD="$4" RILL_DEMO=true RILL_HTTP_PORT="$port" \
    RILL_RATE_LIMIT_PER_TOKEN=1000000 RILL_RATE_LIMIT_BURST=1000000 RILL_RATE_LIMIT_PER_ADDRESS=1000000 \
    bin/rill-server --nohazelcast >"$log" 2>&1 &
  local server=$! up=""
  for _ in $(seq 1 300); do
    if curl -sf -o /dev/null "http://localhost:$port/v1/health"; then up=1; break; fi
    kill -0 "$server" 2>/dev/null || { echo "server failed to start, see $log" >&2; return 1; }
    sleep 1
  done
  [ -n "$up" ] || { kill "$server"; echo "server never answered, see $log" >&2; return 1; }
  grep -o 'ready in [0-9,]* (ms)' "$log" | sed 's/^/server /'
  if [ "${BENCH_JFR:-}" = 1 ]; then
    jcmd "$server" JFR.start name=bench settings=profile >/dev/null
  fi
  java -Dbench.server.pid="$server" -Dbench.warmup="${BENCH_WARMUP:-5}" -Dbench.rounds="${BENCH_ROUNDS:-2}" -Dbench.large="$([ "${BENCH_LARGE:-1}" = 0 ] && echo false || echo true)" -Dbench.connections="${BENCH_CONNECTIONS:-8}" -Dbench.seconds="${BENCH_SECONDS:-8}" -cp "target/bench:$classpath" \
    Bench "http://localhost:$port" "$2" "$3" "$4" || true
  if [ "${BENCH_JFR:-}" = 1 ]; then
    jcmd "$server" JFR.dump name=bench filename="$PWD/target/bench/server-$1.jfr" >/dev/null
    bench/hot-frames.sh "target/bench/server-$1.jfr" || true
  fi
  kill "$server"
  wait "$server" 2>/dev/null || true
}

if [ "$which" = h2 ] || [ "$which" = both ]; then
  data="$(mktemp -d)"
  # AUTO_SERVER lets the benchmark process open the server's database file at the same time.
  run h2 "jdbc:h2:file:$data/rill;AUTO_SERVER=TRUE;WRITE_DELAY=0" rill rill
  rm -rf "$data"
fi
if [ "$which" = postgresql ] || [ "$which" = both ]; then
  server-config/postgres/test-cluster.sh start "$PWD/target/bench-pg" "$pg_port"
  trap 'server-config/postgres/test-cluster.sh stop "$PWD/target/bench-pg" "$pg_port"' EXIT
  run postgresql "jdbc:postgresql://127.0.0.1:$pg_port/rill" rill unused
fi
