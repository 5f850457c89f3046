# Shared by the pgbench scripts that start their own pgbridge: sourced, not run.
#   bench_args "$@"        seconds, rounds, clients, threads (defaults 10 3 8 2) and PostgreSQL's host, port, user
#   bench_database NAME    creates the database on that PostgreSQL if missing
#   bench_pgbench_data NAME SCALE   pgbench -i's tables in that database, unless they are there at that scale
#   bench_start NAME ARGS  starts ./pgbridge ARGS with its log in $tmp/NAME.log; bench_wait waits for all of them
#   bench_pgbouncer NAME PORT SERVER_HOST DB [MODE]   starts pgbouncer (MODE: session pooling by default, as pgbridge's
#                          pass-through relays a session; transaction pooling, pgbouncer 1.18's, cannot run pgbench -M
#                          prepared) on 127.0.0.1:PORT and the Unix socket $tmp/NAME/.s.PGSQL.PORT, reaching DB at
#                          SERVER_HOST (an address or a socket directory); returns 1 when pgbouncer is not installed
#                          (apt-get install pgbouncer)
#   median, ratio A B      the median of space-separated figures on stdin; A / B
#   bench_conditions       machine, load and commit, for the line under a table
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tmp=$(mktemp -d)
bench_pids=()
bench_logs=()
trap 'status=$?; kill "${bench_pids[@]}" 2>/dev/null || true; wait "${bench_pids[@]}" 2>/dev/null || true; rm -rf "$tmp"; exit $status' EXIT

bench_args() {
  seconds=${1:-10}
  rounds=${2:-3}
  clients=${3:-8}
  threads=${4:-2}
  pghost=${PGHOST:-127.0.0.1}
  pgport=${PGPORT:-5432}
  pguser=${PGUSER:-postgres}
}

bench_database() {
  psql -X -q -h "$pghost" -p "$pgport" -U "$pguser" -d postgres -tAc "select 1 from pg_database where datname = '$1'" \
    | grep -q 1 || psql -X -q -h "$pghost" -p "$pgport" -U "$pguser" -d postgres -c "create database $1"
}

bench_pgbench_data() {
  bench_database "$1"
  if ! psql -X -q -h "$pghost" -p "$pgport" -U "$pguser" -d "$1" -tAc "select count(*) from pgbench_branches" \
      2>/dev/null | grep -qx "$2"; then
    echo "bench: initialising pgbench data, scale $2" >&2
    pgbench -q -i -s "$2" -h "$pghost" -p "$pgport" -U "$pguser" "$1" >/dev/null 2>&1
  fi
}

bench_start() {
  local name=$1
  shift
  "$here/pgbridge" "$@" >"$tmp/$name.log" 2>&1 &
  bench_pids+=($!)
  bench_logs+=("$tmp/$name.log")
}

bench_pgbouncer() {
  local name=$1 port=$2 server=$3 db=$4 mode=${5:-session} bouncer
  bouncer=$(command -v pgbouncer || ls /usr/sbin/pgbouncer 2>/dev/null) || return 1
  bouncer_version=$("$bouncer" --version | head -n 1)
  mkdir -p "$tmp/$name" && chmod 755 "$tmp" && chmod 777 "$tmp/$name"
  echo "\"$pguser\" \"\"" >"$tmp/$name/users.txt"
  cat >"$tmp/$name/pgbouncer.ini" <<INI
[databases]
$db = host=$server port=$pgport dbname=$db user=$pguser
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $port
unix_socket_dir = $tmp/$name
auth_type = trust
auth_file = $tmp/$name/users.txt
pool_mode = $mode
max_client_conn = 200
default_pool_size = 20
INI
  chmod 644 "$tmp/$name"/*
  # pgbouncer will not run as root: as root, it is started as the PostgreSQL user.
  if [ "$(id -u)" = 0 ]; then set -- -u postgres; else set --; fi
  "$bouncer" "$@" "$tmp/$name/pgbouncer.ini" >"$tmp/$name.log" 2>&1 &
  bench_pids+=($!)
  bench_logs+=("$tmp/$name.log")
}

bench_wait() {
  local log pid
  for log in "${bench_logs[@]}"; do
    for _ in $(seq 1 120); do
      grep -qs "ready to accept connections\|process up" "$log" && break
      for pid in "${bench_pids[@]}"; do
        kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
      done
      sleep 0.5
    done
  done
}

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { print a / b }'; }

bench_conditions() {
  echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); pgbridge $(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo dev)"
}
