#!/usr/bin/env bash
# pgbench -S (read-only point selects) against PostgreSQL directly, through pgbridge's JDBC path, and through
# pgbridge's pass-through mode over TCP and over PostgreSQL's Unix socket, all in the same run, for the simple, extended
# and prepared protocols; then, as a second table, pgbench on Unix sockets end to end: directly on PostgreSQL's socket
# against through pgbridge's own socket (listen.unix_socket_directory) and on to PostgreSQL's. Runs are interleaved
# (direct, jdbc, pass-through…, repeated ROUNDS times) and the median TPS of each is printed with its ratio to direct,
# so that the machine's background noise falls on all alike. When pgbouncer is installed (apt-get install pgbouncer),
# it runs beside them in session mode (pgbridge's pass-through relays sessions too), over TCP in the first table and on
# Unix sockets in the second, and in transaction mode over TCP in the first table (simple and extended only: its
# transaction pooling cannot run pgbench's named prepared statements).
#
#   bench/pgbench-select.sh [seconds per run, default 10] [rounds, default 3] [clients, default 8] [threads, default 2]
#   PASS_IO_THREADS=N sets listen.io_threads of the two pass-through proxies (default 0: one event loop per core)
#   JDBC_SESSION_THREADS=virtual runs the JDBC proxy's sessions on virtual threads (default platform)
#
# Needs psql and pgbench, and a PostgreSQL at PGHOST:PGPORT (default 127.0.0.1:5432, user postgres, trust).
set -euo pipefail
. "$(dirname "$0")/bench-common.sh"
bench_args "$@"
db=pgbridge_bench
jdbc_port=${PROXY_PORT:-5499}
pass_port=$((jdbc_port - 1))
sock_port=$((jdbc_port - 2))
bouncer_port=$((jdbc_port - 3))
bouncer_sock_port=$((jdbc_port - 4))
bouncer_txn_port=$((jdbc_port - 5))
socket_dir=${PGSOCKETDIR:-/var/run/postgresql}
scale=${SCALE:-10}
pass_io_threads=${PASS_IO_THREADS:-0}
jdbc_session_threads=${JDBC_SESSION_THREADS:-platform}

bench_pgbench_data "$db" "$scale"

proxy() { # name, listen options, URL query, backend mode
  cat >"$tmp/$1.yaml" <<YAML
listen: { host: 127.0.0.1, $2 }
backends:
  pg:
    url: jdbc:postgresql://$pghost:$pgport/$db$3
    user: $pguser
    mode: $4
YAML
  bench_start "$1" --config "$tmp/$1.yaml"
}
proxy jdbc "port: $jdbc_port, session_threads: $jdbc_session_threads" "" jdbc
proxy pass "port: $pass_port, io_threads: $pass_io_threads" "" passthrough
proxy socket "port: $sock_port, io_threads: $pass_io_threads, unix_socket_directory: $tmp" \
  "?unixSocketDirectory=$socket_dir" passthrough
bouncer=no
if bench_pgbouncer bouncer "$bouncer_port" "$pghost" "$db" \
    && bench_pgbouncer bouncer_sock "$bouncer_sock_port" "$socket_dir" "$db" \
    && bench_pgbouncer bouncer_txn "$bouncer_txn_port" "$pghost" "$db" transaction; then
  bouncer=yes
fi
bench_wait

tps() { # host port mode seconds: the TPS, 0 when the run failed
  local t
  t=$(pgbench -n -S -M "$3" -c "$clients" -j "$threads" -T "$4" -h "$1" -p "$2" -U "$pguser" "$db" 2>/dev/null \
    | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | head -n 1)
  echo "${t:-0}"
}

# Warm both JVMs (JIT) before measuring.
for port in "$jdbc_port" "$pass_port" "$sock_port"; do
  for mode in prepared simple extended; do tps 127.0.0.1 "$port" "$mode" 5 >/dev/null || true; done
done
for mode in prepared simple extended; do tps "$tmp" "$sock_port" "$mode" 5 >/dev/null || true; done

bouncer_tps() { # host port mode seconds: pgbouncer's figure, or 0 without pgbouncer
  if [ "$bouncer" = yes ]; then tps "$@"; else echo 0; fi
}

printf '%-10s %12s %12s %7s %14s %7s %14s %7s %13s %7s %13s %7s\n' mode direct_tps jdbc_tps ratio passthru_tps ratio \
  socket_tps ratio pgbouncer_tps ratio bouncer_txn ratio
for mode in simple extended prepared; do
  d=""; j=""; p=""; u=""; b=""; t=""
  for _ in $(seq 1 "$rounds"); do
    d="$d $(tps "$pghost" "$pgport" "$mode" "$seconds")"
    j="$j $(tps 127.0.0.1 "$jdbc_port" "$mode" "$seconds")"
    p="$p $(tps 127.0.0.1 "$pass_port" "$mode" "$seconds")"
    u="$u $(tps 127.0.0.1 "$sock_port" "$mode" "$seconds")"
    b="$b $(bouncer_tps 127.0.0.1 "$bouncer_port" "$mode" "$seconds")"
    if [ "$mode" != prepared ]; then t="$t $(bouncer_tps 127.0.0.1 "$bouncer_txn_port" "$mode" "$seconds")"; fi
  done
  dm=$(echo "$d" | median); jm=$(echo "$j" | median); pm=$(echo "$p" | median); um=$(echo "$u" | median)
  bm=$(echo "$b" | median); tm=$(echo "${t:-0}" | median)
  printf '%-10s %12.0f %12.0f %7.2f %14.0f %7.2f %14.0f %7.2f %13.0f %7.2f %13.0f %7.2f\n' "$mode" "$dm" "$jm" \
    "$(ratio "$jm" "$dm")" "$pm" "$(ratio "$pm" "$dm")" "$um" "$(ratio "$um" "$dm")" "$bm" "$(ratio "$bm" "$dm")" \
    "$tm" "$(ratio "$tm" "$dm")"
done
echo
printf '%-10s %16s %16s %7s %18s %7s\n' mode direct_unix_tps proxy_unix_tps ratio pgbouncer_unix_tps ratio
for mode in simple extended prepared; do
  d=""; u=""; b=""
  for _ in $(seq 1 "$rounds"); do
    d="$d $(tps "$socket_dir" "$pgport" "$mode" "$seconds")"
    u="$u $(tps "$tmp" "$sock_port" "$mode" "$seconds")"
    b="$b $(bouncer_tps "$tmp/bouncer_sock" "$bouncer_sock_port" "$mode" "$seconds")"
  done
  dm=$(echo "$d" | median); um=$(echo "$u" | median); bm=$(echo "$b" | median)
  printf '%-10s %16.0f %16.0f %7.2f %18.0f %7.2f\n' "$mode" "$dm" "$um" "$(ratio "$um" "$dm")" "$bm" \
    "$(ratio "$bm" "$dm")"
done
echo "(pgbench -S, $clients clients, $threads threads, median of $rounds interleaved runs of ${seconds}s, scale $scale," \
  "pass-through io_threads $pass_io_threads, jdbc session threads $jdbc_session_threads," \
  "$( [ "$bouncer" = yes ] && echo "$bouncer_version" || echo "no pgbouncer"), $(bench_conditions))"
