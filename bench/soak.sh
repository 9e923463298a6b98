#!/usr/bin/env bash
# The soak: bench/soak.sh [seconds, default 600]. Two nodes (bin/rill-server) on one throwaway PostgreSQL cluster
# (target/soak-pg, SOAK_PG_PORT), mixed load from bench/Soak.java against both; halfway node B is killed (kill -9)
# and started again. Prints the answers counted, the wrong ones (must be 0), and node A's heap after a full GC at
# the start and at the end (memory flat). Not part of the test command.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
pg_port="${SOAK_PG_PORT:-54331}"
port_a="${SOAK_PORT_A:-8098}"
port_b="${SOAK_PORT_B:-8099}"
. bench/compile.sh bench/Bench.java bench/Soak.java
server-config/postgres/test-cluster.sh start "$PWD/target/soak-pg" "$pg_port"
url="jdbc:postgresql://127.0.0.1:$pg_port/rill"
pids=()
node() { # name port
  RILL_DB_URL="$url" RILL_DB_USER=rill RILL_DB_PASSWORD=unused RILL_DEMO=true RILL_HTTP_PORT="$2" \
    RILL_RATE_LIMIT_PER_TOKEN=1000000 RILL_RATE_LIMIT_BURST=1000000 RILL_RATE_LIMIT_PER_ADDRESS=1000000 \
    bin/rill-server --nohazelcast >>"target/bench/soak-$1.log" 2>&1 &
  echo $!
}
ready() { # port
  for _ in $(seq 1 240); do curl -sf -o /dev/null "http://localhost:$1/v1/health" && return 0; sleep 1; done
  echo "node on port $1 did not start" >&2; return 1
}
heap() { # pid
  jcmd "$1" GC.run >/dev/null && sleep 1 && jcmd "$1" GC.heap_info | grep -E -m1 'total|used' | sed 's/^ */    /'
}
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  server-config/postgres/test-cluster.sh stop "$PWD/target/soak-pg" "$pg_port"
}
trap cleanup EXIT
a=$(node a "$port_a"); pids+=("$a"); ready "$port_a"
b=$(node b "$port_b"); pids+=("$b"); ready "$port_b"
echo "node A heap at the start:"; heap "$a"
java -cp "target/bench:$classpath" Soak "$seconds" "$url" rill unused "http://localhost:$port_a" "http://localhost:$port_b" &
soak=$!
sleep $((seconds / 2))
echo "$(date +%T) killing node B"; kill -9 "$b"
sleep 5
b=$(node b "$port_b"); pids+=("$b"); ready "$port_b"; echo "$(date +%T) node B is back"
status=0
wait "$soak" || status=$?
echo "node A heap at the end:"; heap "$a"
exit $status
