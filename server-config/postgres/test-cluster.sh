#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on 127.0.0.1 for the integration tests: test-cluster.sh start|stop DIR PORT.
# Trust authentication is acceptable only because the cluster listens on loopback, lives under target/
# and is deleted on the next start.
set -euo pipefail
command=$1 dir=$2 port=$3
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "PostgreSQL server binaries are missing: install Debian's package 'postgresql' (see README)" >&2
  exit 1
fi
# initdb refuses to run as root; CI runs as root, so the cluster belongs to the postgres account then.
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "$command" in
  start)
    if [ -f "$dir/data/postmaster.pid" ]; then as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true; fi
    rm -rf "$dir" && mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
    as_owner "$bin/initdb" -D "$dir/data" -U rill --auth=trust -E UTF8 >"$dir/initdb.log"
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=on" start >/dev/null
    as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U rill rill
    echo "PostgreSQL test cluster on 127.0.0.1:$port (database rill, user rill)"
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null; fi
    ;;
  *)
    echo "usage: $0 start|stop DIR PORT" >&2
    exit 2
    ;;
esac
