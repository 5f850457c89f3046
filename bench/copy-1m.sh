#!/usr/bin/env bash
# COPY FROM STDIN of ROWS rows (default 1,000,000) in pgbench_accounts' shape (aid int, bid int, abalance int,
# filler char(84); rows as pgbench -i sends them) with psql's \copy, in the same run:
#   direct      straight into PostgreSQL (PGHOST:PGPORT, database PGDATABASE)
#   jdbc        through pgbridge → the same PostgreSQL, JDBC mode (pgjdbc's CopyManager)
#   passthrough through pgbridge → the same PostgreSQL, pass-through mode (bytes relayed)
#   h2          through pgbridge → its embedded H2 default (fresh --data-dir), rows into the table (H2TableRows)
#   mariadb     through pgbridge → MariaDB (MARIADB_URL, default jdbc:mariadb://127.0.0.1:3306/test; "-" skips it)
# Runs are interleaved ROUNDS times (default 3); the table is recreated empty before each run. Printed per target:
# median rows/s, its ratio to direct PostgreSQL, and the proxy's peak heap: the max of used heap (S0U+S1U+EU+OU,
# garbage included) sampled with jstat every 200 ms during the runs, and the largest heap left after a GC (from
# -Xlog:gc), which is what the proxy really held. rows_per_cpu_s is rows per second of CPU time the proxy process used
# during the COPY (all its threads, from /proc), a figure that moves less than wall time on a shared machine.
#
# TARGETS picks some of them (direct is always run: the ratios are to it), e.g. TARGETS="h2".
#
#   bench/copy-1m.sh [ROWS] [ROUNDS]      HEAP=512m PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres PGDATABASE=test
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd -P)
rows=${1:-1000000}
rounds=${2:-3}
heap=${HEAP:-512m}
pghost=${PGHOST:-127.0.0.1}; pgport=${PGPORT:-5432}; pguser=${PGUSER:-postgres}; pgdb=${PGDATABASE:-test}
mariadb_url=${MARIADB_URL:-jdbc:mariadb://127.0.0.1:3306/test}
table=copy_bench_accounts

tmp=$(mktemp -d "${TMPDIR:-/tmp}/pgbridge-copy-bench.XXXXXX")
pids=()
cleanup() {
  local p
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

"$here/pgbridge" --version >/dev/null   # builds once, before anything is timed
awk -v n="$rows" 'BEGIN { for (i = 1; i <= n; i++) printf "%d\t%d\t0\t\n", i, int((i - 1) / 100000) + 1 }' >"$tmp/rows.tsv"

declare -A port pid
start() { # name pgbridge-args...
  local name=$1; shift
  PGBRIDGE_JAVA_OPTS="${PGBRIDGE_JAVA_OPTS:-} -Xmx$heap -Xlog:gc:file=$tmp/$name-gc.log" \
    "$here/pgbridge" --port 0 "$@" >"$tmp/$name.log" 2>&1 </dev/null &
  pid[$name]=$!; pids+=("$!")
  for _ in $(seq 1 240); do
    grep -q "ready to accept connections" "$tmp/$name.log" && break
    kill -0 "${pid[$name]}" 2>/dev/null || { cat "$tmp/$name.log" >&2; exit 1; }
    sleep 0.25
  done
  port[$name]=$(sed -n 's/.*listening on .*:\([0-9][0-9]*\) (.*/\1/p' "$tmp/$name.log" | head -n 1)
}
pg_url="jdbc:postgresql://$pghost:$pgport/$pgdb"
wanted=" ${TARGETS:-jdbc passthrough h2 mariadb} "
wants() { case $wanted in *" $1 "*) return 0 ;; *) return 1 ;; esac; }
targets=(direct)
if wants jdbc; then start jdbc --backend "$pg_url" --backend-user "$pguser"; targets+=(jdbc); fi
if wants passthrough; then
  start passthrough --backend "$pg_url" --backend-user "$pguser" --backend-mode passthrough; targets+=(passthrough)
fi
if wants h2; then start h2 --data-dir "$tmp/h2"; targets+=(h2); fi
if wants mariadb && [ "$mariadb_url" != "-" ]; then
  start mariadb --backend "$mariadb_url" --backend-user root; targets+=(mariadb)
fi

conn() { # target -> psql connection arguments
  case $1 in
    direct) echo "-h $pghost -p $pgport -U $pguser -d $pgdb" ;;
    *) echo "-h 127.0.0.1 -p ${port[$1]} -U $pguser -d $pgdb" ;;
  esac
}
sample() { # pid file: jstat samples of used heap in KB until killed
  local jstat; jstat="$(dirname "$(readlink -f "/proc/$1/exe")")/jstat"
  "$jstat" -gc "$1" 200 | awk 'NR == 1 { for (i = 1; i <= NF; i++) h[$i] = i; next }
    $1 ~ /^[0-9]/ { print $h["S0U"] + $h["S1U"] + $h["EU"] + $h["OU"]; fflush() }' >>"$2"
}
cpu_ticks() { # pid -> user + system clock ticks of the process so far
  awk '{ print $14 + $15 }' "/proc/$1/stat"
}
run() { # target -> rows/s of one COPY (and the proxy's rows per CPU second into $tmp/$t.cpu)
  local t=$1 sampler="" start end count cpu0=0
  # shellcheck disable=SC2046
  psql -X -q $(conn "$t") -v ON_ERROR_STOP=1 \
    -c "drop table if exists $table" \
    -c "create table $table (aid integer not null, bid integer, abalance integer, filler character(84))" >/dev/null 2>&1
  [ "$t" = direct ] || { sample "${pid[$t]}" "$tmp/$t.heap" & sampler=$!; cpu0=$(cpu_ticks "${pid[$t]}"); }
  start=$(date +%s%N)
  # shellcheck disable=SC2046
  psql -X -q $(conn "$t") -v ON_ERROR_STOP=1 -c "\\copy $table from '$tmp/rows.tsv'" >/dev/null
  end=$(date +%s%N)
  [ "$t" = direct ] || awk -v n="$rows" -v ticks=$(($(cpu_ticks "${pid[$t]}") - cpu0)) -v hz="$(getconf CLK_TCK)" \
    'BEGIN { printf "%.0f\n", n / (ticks / hz) }' >>"$tmp/$t.cpu"
  [ -z "$sampler" ] || { kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true; }
  # shellcheck disable=SC2046
  count=$(psql -X -A -t $(conn "$t") -c "select count(*) from $table")
  [ "$count" = "$rows" ] || { echo "bench: $t loaded $count rows, expected $rows" >&2; exit 1; }
  # shellcheck disable=SC2046
  psql -X -q $(conn "$t") -c "drop table $table" >/dev/null
  awk -v n="$rows" -v ns=$((end - start)) 'BEGIN { printf "%.0f", n / (ns / 1e9) }'
}
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

declare -A results
for _ in $(seq 1 "$rounds"); do
  for t in "${targets[@]}"; do results[$t]="${results[$t]:-} $(run "$t")"; done
done
direct=$(echo "${results[direct]}" | median)
printf '%-12s %12s %7s %15s %17s %15s\n' target rows_per_s ratio peak_used_MB max_after_gc_MB rows_per_cpu_s
for t in "${targets[@]}"; do
  m=$(echo "${results[$t]}" | median)
  used="-"; live="-"; cpu="-"
  if [ "$t" != direct ]; then
    cpu=$(median <"$tmp/$t.cpu")
    used=$(sort -n "$tmp/$t.heap" | tail -n 1 | awk '{ printf "%.0f", $1 / 1024 }')
    live=$(sed -n 's/.*->\([0-9]*\)M(.*/\1/p' "$tmp/$t-gc.log" | sort -n | tail -n 1)
  fi
  printf '%-12s %12.0f %7.2f %15s %17s %15s\n' "$t" "$m" "$(awk -v a="$m" -v b="$direct" 'BEGIN { print a / b }')" \
    "$used" "${live:--}" "$cpu"
done
echo "($rows rows, median of $rounds interleaved runs, psql \\copy, -Xmx$heap, $(nproc) cores," \
  "load $(cut -d' ' -f1-3 /proc/loadavg); pgbridge $(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo dev))"
