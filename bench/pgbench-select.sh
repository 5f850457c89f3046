#!/usr/bin/env bash
# pgbench -S (read-only point selects) against PostgreSQL directly, through pgbridge's JDBC path, and through
# pgbridge's pass-through mode over TCP and over PostgreSQL's Unix socket, all in the same run, for the simple, extended and prepared protocols. Runs are
# interleaved (direct, jdbc, pass-through, repeated ROUNDS times) and the median TPS of each is printed with its
# ratio to direct, so that the machine's background noise falls on all three alike.
#
#   bench/pgbench-select.sh [seconds per run, default 10] [rounds, default 3] [clients, default 8] [threads, default 2]
#   PASS_IO_THREADS=N sets listen.io_threads of the two pass-through proxies (default 0: one event loop per core)
#   JDBC_SESSION_THREADS=virtual runs the JDBC proxy's sessions on virtual threads (default platform)
#
# Needs psql and pgbench, and a PostgreSQL at PGHOST:PGPORT (default 127.0.0.1:5432, user postgres, trust).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-10}
rounds=${2:-3}
clients=${3:-8}
threads=${4:-2}
pghost=${PGHOST:-127.0.0.1}
pgport=${PGPORT:-5432}
pguser=${PGUSER:-postgres}
db=pgbridge_bench
jdbc_port=${PROXY_PORT:-5499}
pass_port=$((jdbc_port - 1))
sock_port=$((jdbc_port - 2))
socket_dir=${PGSOCKETDIR:-/var/run/postgresql}
scale=${SCALE:-10}

psql -X -q -h "$pghost" -p "$pgport" -U "$pguser" -d postgres -tAc "select 1 from pg_database where datname = '$db'" | grep -q 1 \
  || psql -X -q -h "$pghost" -p "$pgport" -U "$pguser" -d postgres -c "create database $db"
if ! psql -X -q -h "$pghost" -p "$pgport" -U "$pguser" -d "$db" -tAc "select count(*) from pgbench_branches" 2>/dev/null | grep -qx "$scale"; then
  echo "bench: initialising pgbench data, scale $scale" >&2
  pgbench -q -i -s "$scale" -h "$pghost" -p "$pgport" -U "$pguser" "$db" >/dev/null 2>&1
fi

tmp=$(mktemp -d)
pass_io_threads=${PASS_IO_THREADS:-0}
cat >"$tmp/passthrough.yaml" <<YAML
listen: { host: 127.0.0.1, port: $pass_port, io_threads: $pass_io_threads }
backends:
  pg:
    url: jdbc:postgresql://$pghost:$pgport/$db
    user: $pguser
    mode: passthrough
YAML
cat >"$tmp/socket.yaml" <<YAML
listen: { host: 127.0.0.1, port: $sock_port, io_threads: $pass_io_threads }
backends:
  pg:
    url: jdbc:postgresql://$pghost:$pgport/$db?unixSocketDirectory=$socket_dir
    user: $pguser
    mode: passthrough
YAML
jdbc_session_threads=${JDBC_SESSION_THREADS:-platform}
cat >"$tmp/jdbc.yaml" <<YAML
listen: { host: 127.0.0.1, port: $jdbc_port, session_threads: $jdbc_session_threads }
backends:
  pg:
    url: jdbc:postgresql://$pghost:$pgport/$db
    user: $pguser
YAML
"$here/pgbridge" --config "$tmp/jdbc.yaml" >"$tmp/jdbc.log" 2>&1 &
jdbc_pid=$!
"$here/pgbridge" --config "$tmp/passthrough.yaml" >"$tmp/pass.log" 2>&1 &
pass_pid=$!
"$here/pgbridge" --config "$tmp/socket.yaml" >"$tmp/socket.log" 2>&1 &
sock_pid=$!
trap 'kill $jdbc_pid $pass_pid $sock_pid 2>/dev/null; wait $jdbc_pid $pass_pid $sock_pid 2>/dev/null; rm -rf "$tmp"' EXIT
for log in "$tmp/jdbc.log" "$tmp/pass.log" "$tmp/socket.log"; do
  for _ in $(seq 1 120); do
    grep -q "ready to accept connections" "$log" && break
    kill -0 $jdbc_pid 2>/dev/null && kill -0 $pass_pid 2>/dev/null && kill -0 $sock_pid 2>/dev/null \
      || { cat "$log" >&2; exit 1; }
    sleep 0.5
  done
done

tps() { # host port mode seconds
  pgbench -n -S -M "$3" -c "$clients" -j "$threads" -T "$4" -h "$1" -p "$2" -U "$pguser" "$db" 2>/dev/null \
    | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | head -n 1
}
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

# Warm both JVMs (JIT) before measuring.
for port in "$jdbc_port" "$pass_port" "$sock_port"; do
  for mode in prepared simple extended; do tps 127.0.0.1 "$port" "$mode" 5 >/dev/null || true; done
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { print a / b }'; }
printf '%-10s %12s %12s %7s %14s %7s %14s %7s\n' mode direct_tps jdbc_tps ratio passthru_tps ratio socket_tps ratio
for mode in simple extended prepared; do
  d=""; j=""; p=""; u=""
  for _ in $(seq 1 "$rounds"); do
    d="$d $(tps "$pghost" "$pgport" "$mode" "$seconds")"
    j="$j $(tps 127.0.0.1 "$jdbc_port" "$mode" "$seconds")"
    p="$p $(tps 127.0.0.1 "$pass_port" "$mode" "$seconds")"
    u="$u $(tps 127.0.0.1 "$sock_port" "$mode" "$seconds")"
  done
  dm=$(echo "$d" | median); jm=$(echo "$j" | median); pm=$(echo "$p" | median); um=$(echo "$u" | median)
  printf '%-10s %12.0f %12.0f %7.2f %14.0f %7.2f %14.0f %7.2f\n' "$mode" "$dm" "$jm" "$(ratio "$jm" "$dm")" \
    "$pm" "$(ratio "$pm" "$dm")" "$um" "$(ratio "$um" "$dm")"
done
echo "(pgbench -S, $clients clients, $threads threads, median of $rounds interleaved runs of ${seconds}s, scale $scale," \
  "pass-through io_threads $pass_io_threads, jdbc session threads $jdbc_session_threads," \
  "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); pgbridge $(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo dev))"
