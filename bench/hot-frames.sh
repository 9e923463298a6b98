#!/usr/bin/env bash
# The hottest frames of a flight recording: bench/hot-frames.sh FILE.jfr [how many, default 25].
# Prints the top frames of jdk.ExecutionSample (where the CPU was), then the first frame of the application
# (org.rilltokens) in each sample's stack, so the application's own costs stand out from the server's.
set -eu  # no pipefail: head closes the pipes early
file="$1"
top="${2:-25}"
jfr print --events jdk.ExecutionSample --stack-depth 64 "$file" >"$file.txt"
total=$(grep -c 'jdk.ExecutionSample' "$file.txt" || true)
echo "-- $file: $total CPU samples; top frames:"
awk '/stackTrace = \[/ {getline; sub(/^[ \t]+/, ""); sub(/line:.*/, ""); print}' "$file.txt" | sort | uniq -c | sort -rn | head -"$top"
echo "-- first org.rilltokens frame in each sample's stack:"
awk '/stackTrace = \[/ {inside = 1; found = 0; next}
     inside && /^[ \t]*\]/ {inside = 0; if (!found) print "(none: server only)"; next}
     inside && !found && /org\.rilltokens\./ {line = $0; sub(/^[ \t]+/, "", line); sub(/line:.*/, "", line); print line; found = 1}' \
  "$file.txt" | sort | uniq -c | sort -rn | head -"$top"
