#!/usr/bin/env bash
# Slow senders must not starve the server: bench/slow-senders.sh (not part of the test command).
# Starts its own server (bin/rill-server, H2, demo organization, the Payara Micro settings of server-config/payara-micro)
# on BENCH_PORT, opens SLOW_SENDERS (default 300) connections on loopback that each send a declared 4 kB form body
# to the public device login endpoint one byte every 5 s for SLOW_SECONDS (default 60) seconds, and checks that GET /v1/users/current keeps answering
# within 2 s meanwhile. Exit code 0 when it did.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${BENCH_PORT:-8098}"
. bench/compile.sh bench/Bench.java bench/SlowSenders.java
data="$(mktemp -d)"
url="jdbc:h2:file:$data/rill;AUTO_SERVER=TRUE;WRITE_DELAY=0"
log=target/bench/server-slow-senders.log
RILL_DB_URL="$url" RILL_DB_USER=rill RILL_DB_PASSWORD=rill RILL_DEMO=true RILL_HTTP_PORT="$port" bin/rill-server --nohazelcast >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 180); do
  curl -sf -o /dev/null "http://localhost:$port/v1/health" && break
  kill -0 "$server" 2>/dev/null || { echo "server failed to start, see $log" >&2; exit 1; }
  sleep 1
done
java -Dslow.senders="${SLOW_SENDERS:-300}" -Dslow.seconds="${SLOW_SECONDS:-60}" -cp "target/bench:$classpath" \
  SlowSenders "http://localhost:$port" "$url" rill rill
