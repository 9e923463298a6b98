#!/usr/bin/env bash
# Latency of a demo custom API call (HTTP + token + roles + policy) vs. the same SQL run directly over JDBC.
# Starts its own server on BENCH_PORT (default 8097) with an in-memory database and the demo organization.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/rill-tokens.war ] && [ -f target/payara-micro.jar ] || mvn -B -q -DskipTests package
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
CP="target/classes:$(cat target/bench-classpath.txt)"
PORT="${BENCH_PORT:-8097}"
LOG=target/bench-server.log
RILL_DB_URL="jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1" RILL_DEMO=true \
  java -jar target/payara-micro.jar --deploy target/rill-tokens.war --contextroot / --port "$PORT" --nocluster >"$LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  grep -q "ready in" "$LOG" && break
  kill -0 $SERVER 2>/dev/null || { echo "server failed to start, see $LOG" >&2; exit 1; }
  sleep 1
done
mkdir -p target/bench
javac -cp "$CP" -d target/bench bench/ApiLatency.java
java -cp "target/bench:$CP" ApiLatency "http://localhost:$PORT"
