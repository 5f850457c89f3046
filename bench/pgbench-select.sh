#!/usr/bin/env bash
# pgbench -S (read-only point selects) directly against PostgreSQL and through pgbridge -> the same PostgreSQL,
# in the same run, for the simple, extended and prepared protocols. Prints TPS and the ratio proxy/direct.
#
#   bench/pgbench-select.sh [seconds per run, default 20] [clients, default 8] [threads, default 2]
#
# Needs: psql and pgbench, a PostgreSQL at PGHOST:PGPORT (default 127.0.0.1:5432, user postgres, trust).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-20}
clients=${2:-8}
threads=${3:-2}
pghost=${PGHOST:-127.0.0.1}
pgport=${PGPORT:-5432}
pguser=${PGUSER:-postgres}
db=pgbridge_bench
proxy_port=${PROXY_PORT:-5499}
scale=${SCALE:-10}

psql -X -q -h "$pghost" -p "$pgport" -U "$pguser" -d postgres -tAc "select 1 from pg_database where datname = '$db'" | grep -q 1 \
  || psql -X -q -h "$pghost" -p "$pgport" -U "$pguser" -d postgres -c "create database $db"
if ! psql -X -q -h "$pghost" -p "$pgport" -U "$pguser" -d "$db" -tAc "select count(*) from pgbench_branches" 2>/dev/null | grep -qx "$scale"; then
  echo "bench: initialising pgbench data, scale $scale" >&2
  pgbench -q -i -s "$scale" -h "$pghost" -p "$pgport" -U "$pguser" "$db" >/dev/null 2>&1
fi

log=$(mktemp)
"$here/pgbridge" --port "$proxy_port" --backend "jdbc:postgresql://$pghost:$pgport/$db" --backend-user "$pguser" >"$log" 2>&1 &
proxy_pid=$!
trap 'kill $proxy_pid 2>/dev/null; wait $proxy_pid 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 1 120); do
  grep -q "ready to accept connections" "$log" && break
  kill -0 $proxy_pid 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.5
done

tps() { # port mode
  pgbench -n -S -M "$2" -c "$clients" -j "$threads" -T "$seconds" -h 127.0.0.1 -p "$1" -U "$pguser" "$db" 2>/dev/null \
    | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | head -n 1
}

tps_direct() { # mode
  pgbench -n -S -M "$1" -c "$clients" -j "$threads" -T "$seconds" -h "$pghost" -p "$pgport" -U "$pguser" "$db" 2>/dev/null \
    | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | head -n 1
}

# Warm the proxy's JIT before measuring.
pgbench -n -S -M prepared -c "$clients" -j "$threads" -T 5 -h 127.0.0.1 -p "$proxy_port" -U "$pguser" "$db" >/dev/null 2>&1 || true

printf '%-10s %14s %14s %8s\n' mode direct_tps pgbridge_tps ratio
for mode in simple extended prepared; do
  direct=$(tps_direct "$mode")
  proxied=$(tps "$proxy_port" "$mode")
  ratio=$(awk -v a="$proxied" -v b="$direct" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
  printf '%-10s %14.0f %14.0f %8s\n' "$mode" "$direct" "$proxied" "$ratio"
done
echo "(pgbench -S, $clients clients, $threads threads, ${seconds}s per run, scale $scale, $(nproc) cores; pgbridge $(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo dev))"
