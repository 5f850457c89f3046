#!/usr/bin/env bash
# Does pgbridge stream a large result with a flat heap? Streams a 1,000,000-row SELECT (~92 bytes of text a row:
# ~91 MB of text, ~102 MB of DataRow messages) through a proxy whose heap is capped (-Xmx256m by default) to psql,
# which reads everything and discards it, and watches the proxy JVM while it runs. Two backends in the same run:
#   h2        the embedded default (fresh --data-dir in a temp dir): table `big` filled once with
#             INSERT INTO big SELECT x, 'row ' || x || repeat('x', 80) FROM system_range(1, N) AS t(x)
#             and read with  select id, v from big where id <= N
#   postgres  --backend jdbc:postgresql://127.0.0.1:5432/test, read with
#             select g, 'row ' || g || repeat('x', 80) from generate_series(1, N) g
# plus the same generate_series query straight to PostgreSQL (time only), for comparison.
# Each backend runs every ROWS given (default 100000 and 1000000; a proxy that held rows would show ~10x the growth
# in "live heap mid-query" at the second), after one unreported warm-up query of WARMUP_ROWS (100000).
#
#   bench/heap-1m-rows.sh [ROWS ...]          default: 100000 1000000
#   HEAP=256m SAMPLE_MS=200 PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres PGDATABASE=test bench/heap-1m-rows.sh
#
# How each number is taken (jstat/jcmd come from the proxy's own JDK, /proc/<pid>/exe):
#   seconds, rows/s    wall time of `psql -X -A -t -o /dev/null -c "<query>"` (connect, run, read every row); psql's
#                      :ROW_COUNT must equal ROWS
#   heap before        used heap right after `jcmd <pid> GC.run` (a full GC): the live set before the query
#   peak heap during   max of S0U+S1U+EU+OU over `jstat -gc <pid> SAMPLE_MS` samples during that timed run. It counts
#                      garbage not yet collected, so it follows the young generation G1 sizes for the allocation
#                      rate, streaming or not; "heap committed" is the max of S0C+S1C+EC+OC in the same samples
#   max heap           -XX:MaxHeapSize of the proxy JVM
#   RSS peak           VmHWM from /proc/<pid>/status, reset just before the query (echo 5 > /proc/<pid>/clear_refs)
#                      (or, if the reset is refused, the max of VmRSS sampled every SAMPLE_MS; a note says so)
#   live heap mid-q.   a second, untimed run of the same query (psql output piped to wc -l, which must equal ROWS):
#                      while psql reads, `jcmd <pid> GC.run` in a loop; the heap left after each full GC that ended
#                      while psql was still reading (from -Xlog:gc) is what the proxy holds mid-stream. Shown as
#                      "max MB/n" over the n such GCs, "-" if none landed (a query shorter than one jcmd round trip)
#   NMT Other peak     peak of Native Memory Tracking's "Other" (direct/Unsafe memory, where Netty's buffers live)
#                      over the process so far, from `jcmd <pid> VM.native_memory summary`: rows buffered off-heap
#                      would show here instead of in the heap
# Verdict per backend, at the largest ROWS: "streams" if live heap mid-query - heap before <= 1/4 of the result's
# size in text (~91 MB at 1,000,000 rows), else "HOLDS ROWS" and exit status 3.
# The proxies run from a copy of the build taken at start (see freeze_build; FROZEN=0 runs the repo's ./pgbridge),
# so a rebuild by someone else mid-run cannot break them. KEEP_TMP=1 keeps the temp dir (logs, GC logs, samples).
# Needs: bash, psql, awk, a PostgreSQL 15 at PGHOST:PGPORT with database PGDATABASE (user with trust auth),
# and what ./pgbridge needs (it builds itself on first use). Exits 1 if a step fails (the proxy logs are shown),
# 2 on bad arguments, 3 if a backend holds rows.
set -euo pipefail

case "${1:-}" in -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;; esac

here=$(cd "$(dirname "$0")/.." && pwd -P)
if [ $# -gt 0 ]; then rows_list=("$@"); else rows_list=(100000 1000000); fi
for n in "${rows_list[@]}"; do
  [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "bench: ROWS must be positive integers, got '$n'" >&2; exit 2; }
done
max_rows=$(printf '%s\n' "${rows_list[@]}" | sort -n | tail -n 1)
heap=${HEAP:-256m}
sample_ms=${SAMPLE_MS:-200}
warmup_rows=${WARMUP_ROWS:-100000}
ready_timeout=${READY_TIMEOUT:-300}   # seconds; the first start may build the proxy
pghost=${PGHOST:-127.0.0.1}
pgport=${PGPORT:-5432}
pguser=${PGUSER:-postgres}
pgdb=${PGDATABASE:-test}

h2_query() { echo "select id, v from big where id <= $1"; }
pg_query() { echo "select g, 'row ' || g || repeat('x', 80) from generate_series(1, $1) g"; }

# ---- cleanup: proxies, samplers, temp dir (the H2 --data-dir lives inside it) -------------------------------------
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pgbridge-heap-bench.XXXXXX")
proxy_pids=()
sampler_pids=()
cleanup() {
  local rc=$? p
  trap - EXIT INT TERM
  for p in "${sampler_pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${proxy_pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${proxy_pids[@]}"; do   # shutdown_grace is 10s; give it 15 before SIGKILL
    for _ in $(seq 1 30); do kill -0 "$p" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$p" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  if [ "$rc" -ne 0 ]; then
    for f in "$tmp"/h2.log "$tmp"/postgres.log; do [ -f "$f" ] && { echo "---- tail of $f" >&2; tail -n 20 "$f" >&2; }; done
  fi
  [ -n "${KEEP_TMP:-}" ] && echo "bench: kept $tmp" >&2 || rm -rf "$tmp"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

die() {
  echo "bench: $*" >&2
  if [ -n "${PROXY_PID:-}" ] && ! kill -0 "$PROXY_PID" 2>/dev/null; then
    echo "bench: (pgbridge pid $PROXY_PID is no longer running)" >&2
  fi
  exit 1
}
now_ns() { date +%s%N; }

# ---- the build under test ------------------------------------------------------------------------------------------
# ./pgbridge rebuilds proxy/target whenever a source is newer than the jar, and classes load lazily from that jar: if
# anyone rebuilds while a proxy runs, the proxy fails with NoClassDefFoundError. So by default the script lets
# ./pgbridge build once (`./pgbridge --version`), copies the launcher and what it runs (pgbridge, bin/, lib/,
# proxy/target/pgbridge-proxy.jar, proxy/target/lib/) into the temp dir with the same layout, and starts that
# copy of ./pgbridge (same launcher, same JVM options). FROZEN=0 starts the repo's ./pgbridge directly instead.
launcher="$here/pgbridge"
build_id=""
freeze_build() {
  "$here/pgbridge" --version >"$tmp/build.log" 2>&1 || { cat "$tmp/build.log" >&2; die "./pgbridge --version failed (build?)"; }
  local jar="$here/proxy/target/pgbridge-proxy.jar" snap="$tmp/pgbridge-build" stamp attempt
  [ "${FROZEN:-1}" = 0 ] || {
    for attempt in 1 2 3 4 5; do
      stamp=$(stat -c '%Y %s' "$jar" "$here"/proxy/target/lib/*)
      rm -rf "$snap"; mkdir -p "$snap/proxy/target"
      cp -p "$here/pgbridge" "$snap/" && cp -rp "$here/bin" "$here/lib" "$snap/" \
        && cp -p "$jar" "$snap/proxy/target/" && cp -rp "$here/proxy/target/lib" "$snap/proxy/target/" || true
      sleep 1
      [ "$(stat -c '%Y %s' "$jar" "$here"/proxy/target/lib/*)" = "$stamp" ] && [ -f "$snap/proxy/target/pgbridge-proxy.jar" ] && break
      echo "bench: proxy/target changed while copying it (a build is running?), retrying" >&2
      [ "$attempt" = 5 ] && die "could not copy a stable build of proxy/target"
      sleep 5
    done
    launcher="$snap/pgbridge"
  }
  build_id="$(tail -n 1 "$tmp/build.log"), jar $(date -r "$jar" '+%F %T') sha256 $(sha256sum "$jar" | cut -c1-12)"
  build_id="$build_id, git $(git -C "$here" describe --always --dirty 2>/dev/null || echo '?')"
}

# ---- proxy start ----------------------------------------------------------------------------------------------------
# start_proxy NAME pgbridge-args...   sets PROXY_PID, PROXY_PORT, PROXY_GCLOG, JDK_BIN
start_proxy() {
  local name=$1; shift
  local log="$tmp/$name.log"
  PROXY_GCLOG="$tmp/$name-gc.log"
  # Our -Xmx comes last so it wins over ./pgbridge's -Xmx1g and anything in the caller's PGBRIDGE_JAVA_OPTS.
  # NMT (summary) shows direct/Unsafe memory, where Netty's buffers live, under "Other".
  PGBRIDGE_JAVA_OPTS="${PGBRIDGE_JAVA_OPTS:-} -Xmx$heap -Xlog:gc:file=$PROXY_GCLOG:uptime -XX:NativeMemoryTracking=summary" \
    "$launcher" --port 0 "$@" >"$log" 2>&1 </dev/null &
  PROXY_PID=$!
  proxy_pids+=("$PROXY_PID")
  local deadline=$(( $(date +%s) + ready_timeout ))
  until grep -q "ready to accept connections" "$log"; do
    kill -0 "$PROXY_PID" 2>/dev/null || die "$name: pgbridge exited before it was ready"
    [ "$(date +%s)" -lt "$deadline" ] || die "$name: pgbridge not ready after ${ready_timeout}s"
    sleep 0.2
  done
  PROXY_PORT=$(sed -n 's/.*listening on .*:\([0-9][0-9]*\) (.*ready to accept connections.*/\1/p' "$log" | head -n 1)
  [ -n "$PROXY_PORT" ] || die "$name: no port in the 'ready' line of $log"
  # ./pgbridge execs java, so $! is the JVM; take jstat/jcmd from the very JDK that runs it.
  JDK_BIN=$(dirname "$(readlink -f "/proc/$PROXY_PID/exe")")
  [ -x "$JDK_BIN/jstat" ] && [ -x "$JDK_BIN/jcmd" ] || die "$name: no jstat/jcmd next to $JDK_BIN/java"
  echo "bench: $name: pgbridge pid $PROXY_PID on port $PROXY_PORT, -Xmx$heap" >&2
}

stop_proxy() { # stops PROXY_PID (SIGTERM; it lets running statements finish, up to shutdown_grace)
  kill "$PROXY_PID" 2>/dev/null || return 0
  for _ in $(seq 1 30); do kill -0 "$PROXY_PID" 2>/dev/null || break; sleep 0.5; done
  kill -9 "$PROXY_PID" 2>/dev/null || true
  wait "$PROXY_PID" 2>/dev/null || true
  PROXY_PID=""
}

# ---- JVM readings ---------------------------------------------------------------------------------------------------
# jstat -gc prints a header line, then one line of values (KB, counts) per sample; columns are picked by name.
gc_field() { # file column -> that column in the last sample
  awk -v c="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == c) k = i; next } { v = $k } END { print v }' "$1"
}
committed_mb_max() { # file -> max over the samples of S0C+S1C+EC+OC (heap G1 has committed), in MB
  awk 'NR == 1 { for (i = 1; i <= NF; i++) h[$i] = i; next }
       { c = $h["S0C"] + $h["S1C"] + $h["EC"] + $h["OC"]; if (c > m) m = c }
       END { printf "%.0f", m / 1024 }' "$1"
}
used_mb_max() { # file -> max over the samples of S0U+S1U+EU+OU, in MB
  awk 'NR == 1 { for (i = 1; i <= NF; i++) h[$i] = i; next }
       { u = $h["S0U"] + $h["S1U"] + $h["EU"] + $h["OU"]; if (u > m) m = u }
       END { printf "%.1f", m / 1024 }' "$1"
}
last_full_gc_after_mb() { # gc log -> heap after the last full GC in it ("Pause Full (...) 125M->21M(74M)"), in MB
  awk '/Pause Full/ && match($0, /->[0-9.]+[KMG]\(/) {
         s = substr($0, RSTART + 2, RLENGTH - 3); u = substr(s, length(s)); x = substr(s, 1, length(s) - 1) + 0
         if (u == "K") x /= 1024; else if (u == "G") x *= 1024
         v = x }
       END { if (v != "") printf "%.1f", v }' "$1"
}
max_heap_mb() { # pid
  "$JDK_BIN/jcmd" "$1" VM.flags | tr ' ' '\n' | sed -n 's/^-XX:MaxHeapSize=\([0-9]*\)$/\1/p' \
    | awk '{ printf "%.0f", $1 / 1048576 }'
}
nmt_other_peak_mb() { # pid -> peak of NMT's "Other" (malloc peak, or committed now if larger) in MB, or "-"
  "$JDK_BIN/jcmd" "$1" VM.native_memory summary 2>/dev/null | awk '
    /^-[ ]+Other \(/ { o = 1; if (match($0, /committed=[0-9]+KB/)) c = substr($0, RSTART + 10, RLENGTH - 12) + 0; next }
    o && /malloc=/ { if (match($0, /peak=[0-9]+KB/)) p = substr($0, RSTART + 5, RLENGTH - 7) + 0; o = 0 }
    END { if (c == "" && p == "") print "-"; else printf "%.1f", (p > c ? p : c) / 1024 }'
}
kb_of() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status"; }
max_of() { awk 'BEGIN { m = "-" } NF && $1 != "-" && (m == "-" || $1 + 0 > m + 0) { m = $1 } END { print m }'; }
secs_since() { awk -v a="$1" -v b="$(now_ns)" 'BEGIN { printf "%.2f", (b - a) / 1e9 }'; }
rate() { awk -v r="$1" -v s="$2" 'BEGIN { printf "%.0f", (s > 0 ? r / s : 0) }'; }
result_mb() { # rows -> MB of text in the result (id, then 'row ' || id || 80 x's)
  awk -v n="$1" 'BEGIN { d = 1; for (lo = 1; lo <= n; lo *= 10) { hi = lo * 10 - 1; if (hi > n) hi = n; digits += (hi - lo + 1) * d++ }
                         printf "%.0f", (2 * digits + n * 84) / 1048576 }'
}

# ---- one measured query ---------------------------------------------------------------------------------------------
results=()   # "backend|rows|seconds|rows/s|heap before|peak used|committed|max heap|RSS peak|live mid-query|NMT Other"
notes=()

psql_rows() { # HOST PORT SQL -> runs SQL with psql reading every row into /dev/null, prints the row count psql saw
  psql -X -q -A -t -o /dev/null -v ON_ERROR_STOP=1 -h "$1" -p "$2" -U "$pguser" -d "$pgdb" \
    -c "$3" -c '\echo :ROW_COUNT'
}

timed_psql() { # HOST PORT ROWS SQL -> prints seconds; fails unless psql read exactly ROWS rows
  local t0 got secs
  t0=$(now_ns)
  got=$(psql_rows "$1" "$2" "$4") || die "psql failed on $1:$2: $4"
  secs=$(secs_since "$t0")
  [ "$got" = "$3" ] || die "psql on $1:$2 read '$got' rows, expected $3: $4"
  echo "$secs"
}

# measure NAME ROWS SQL   (against PROXY_PID / PROXY_PORT / PROXY_GCLOG)
measure() {
  local name=$1 rows=$2 sql=$3 pid=$PROXY_PID
  local js="$tmp/$name-$rows.jstat" rssf="$tmp/$name-$rows.rss" base="$tmp/$name-$rows.before"
  local interval; interval=$(awk -v m="$sample_ms" 'BEGIN { print m / 1000 }')

  # Timed run, watched from outside only (jstat reads the JVM's perf counters; it does not stop the JVM).
  "$JDK_BIN/jcmd" "$pid" GC.run >/dev/null || die "$name: jcmd GC.run failed"
  "$JDK_BIN/jstat" -gc "$pid" >"$base" || die "$name: jstat failed"
  local before ygc0 hwm_reset=0
  before=$(used_mb_max "$base"); ygc0=$(gc_field "$base" YGC)
  { echo 5 >"/proc/$pid/clear_refs"; } 2>/dev/null && hwm_reset=1
  "$JDK_BIN/jstat" -gc "$pid" "$sample_ms" >"$js" 2>/dev/null &
  local jstat_pid=$!
  ( while kill -0 "$pid" 2>/dev/null; do kb_of "$pid" VmRSS; sleep "$interval"; done ) >"$rssf" 2>/dev/null &
  local rss_pid=$!
  sampler_pids+=("$jstat_pid" "$rss_pid")
  sleep 0.3   # let jstat attach and take its first sample

  local secs; secs=$(timed_psql 127.0.0.1 "$PROXY_PORT" "$rows" "$sql")

  sleep "$interval"   # one more sample after the last row
  kill "$jstat_pid" "$rss_pid" 2>/dev/null || true
  wait "$jstat_pid" "$rss_pid" 2>/dev/null || true
  kill -0 "$pid" 2>/dev/null || die "$name: pgbridge (pid $pid) died during the query"
  [ "$(wc -l <"$js")" -ge 2 ] || die "$name: jstat took no samples"
  local peak committed ygc fgc maxmb rss
  peak=$(used_mb_max "$js"); committed=$(committed_mb_max "$js")
  ygc=$(( $(gc_field "$js" YGC) - ygc0 )); fgc=$(( $(gc_field "$js" FGC) - $(gc_field "$base" FGC) ))
  [ "$fgc" -eq 0 ] || notes+=("$name $rows: $fgc full GC(s) during the timed query (heap pressure)")
  maxmb=$(max_heap_mb "$pid")
  if [ "$hwm_reset" = 1 ]; then rss=$(kb_of "$pid" VmHWM)
  else rss=$(sort -n "$rssf" | tail -n 1); notes+=("$name $rows: RSS peak is the max of sampled VmRSS (VmHWM reset refused)"); fi
  rss=$(awk -v k="$rss" 'BEGIN { printf "%.0f", k / 1024 }')

  # Probe run (untimed): the same query again; while psql reads, force full GCs and keep the heap left after each
  # one that finished while psql was still reading: that is everything the proxy holds mid-stream. This run also
  # counts the rows psql prints (the timed run checks the count in the CommandComplete tag, psql's ROW_COUNT).
  local probes=() out="$tmp/$name-$rows.probe" ppid live
  ( set -o pipefail
    psql -X -q -A -t -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PROXY_PORT" -U "$pguser" -d "$pgdb" -c "$sql" | wc -l
  ) >"$out" &
  ppid=$!
  while kill -0 "$ppid" 2>/dev/null; do
    "$JDK_BIN/jcmd" "$pid" GC.run >/dev/null 2>&1 || break
    kill -0 "$ppid" 2>/dev/null && probes+=("$(last_full_gc_after_mb "$PROXY_GCLOG")")
  done
  wait "$ppid" || die "$name: psql failed in the probe run: $sql"
  [ "$(cat "$out")" = "$rows" ] || die "$name: the probe run got '$(cat "$out")' rows, expected $rows"
  live=$(printf '%s\n' "${probes[@]+"${probes[@]}"}" | max_of)
  [ "$live" = - ] || live="$live/${#probes[@]}"
  local other; other=$(nmt_other_peak_mb "$pid")

  results+=("pgbridge->$name|$rows|$secs|$(rate "$rows" "$secs")|$before|$peak|$committed|$maxmb|$rss|$live|$other")
  echo "bench: $name $rows rows: ${secs}s, heap before $before MB, peak used $peak MB (committed $committed MB)," \
       "$ygc young GCs, live mid-query $live MB, NMT Other peak $other MB" >&2
}

# ---- run ------------------------------------------------------------------------------------------------------------
command -v psql >/dev/null || die "psql not found"
psql -X -q -tA -h "$pghost" -p "$pgport" -U "$pguser" -d "$pgdb" -c 'select 1' >/dev/null \
  || die "cannot reach PostgreSQL at $pghost:$pgport database $pgdb as $pguser"

freeze_build

# H2 (embedded default, fresh data dir)
start_proxy h2 --data-dir "$tmp/h2-data"
echo "bench: h2: filling table big with $max_rows rows" >&2
t0=$(now_ns)
# In steps of 100,000 rows, each its own transaction: one INSERT of a million rows makes H2 (which runs inside the
# proxy's capped heap) hold the whole uncommitted transaction, which is setup cost we do not measure.
# system_range's column is X; with pgbridge's H2 settings an unquoted x means "x", hence the alias t(x).
fill=(-c "create table big (id bigint primary key, v varchar(200))")
for ((lo = 1; lo <= max_rows; lo += 100000)); do
  hi=$(( lo + 99999 < max_rows ? lo + 99999 : max_rows ))
  fill+=(-c "insert into big select x, 'row ' || x || repeat('x', 80) from system_range($lo, $hi) as t(x)")
done
psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PROXY_PORT" -U "$pguser" -d "$pgdb" "${fill[@]}" >/dev/null \
  || die "h2: could not fill table big"
[ "$(psql -X -q -tA -h 127.0.0.1 -p "$PROXY_PORT" -U "$pguser" -d "$pgdb" -c 'select count(*) from big')" = "$max_rows" ] \
  || die "h2: table big does not have $max_rows rows"
echo "bench: h2: filled in $(awk -v a="$t0" -v b="$(now_ns)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')s" >&2
timed_psql 127.0.0.1 "$PROXY_PORT" "$warmup_rows" "$(h2_query "$warmup_rows")" >/dev/null   # warm-up, not reported
for n in "${rows_list[@]}"; do measure h2 "$n" "$(h2_query "$n")"; done
stop_proxy

# PostgreSQL through the proxy
start_proxy postgres --backend "jdbc:postgresql://$pghost:$pgport/$pgdb" --backend-user "$pguser"
timed_psql 127.0.0.1 "$PROXY_PORT" "$warmup_rows" "$(pg_query "$warmup_rows")" >/dev/null   # warm-up, not reported
for n in "${rows_list[@]}"; do measure postgres "$n" "$(pg_query "$n")"; done
stop_proxy

# PostgreSQL directly (time only)
timed_psql "$pghost" "$pgport" "$warmup_rows" "$(pg_query "$warmup_rows")" >/dev/null
for n in "${rows_list[@]}"; do
  secs=$(timed_psql "$pghost" "$pgport" "$n" "$(pg_query "$n")")
  results+=("postgres direct|$n|$secs|$(rate "$n" "$secs")|-|-|-|-|-|-|-")
done

# ---- report ---------------------------------------------------------------------------------------------------------
fmt='%-18s %8s %7s %8s %11s %11s %10s %9s %9s %15s %10s\n'
echo
# shellcheck disable=SC2059
printf "$fmt" backend rows seconds rows/s "heap before" "peak heap" "heap" "max heap" "RSS peak" "live heap" "NMT Other"
# shellcheck disable=SC2059
printf "$fmt" "" "" "" "" "(MB)" "during (MB)" "committed" "(MB)" "(MB)" "mid-query MB/n" "peak (MB)"
for r in "${results[@]}"; do
  IFS='|' read -r b n s rs hb pu hc mh rss lv ot <<<"$r"
  # shellcheck disable=SC2059
  printf "$fmt" "$b" "$n" "$s" "$rs" "$hb" "$pu" "$hc" "$mh" "$rss" "$lv" "$ot"
done
echo "(result of $max_rows rows: ~$(result_mb "$max_rows") MB of text; psql -X -A -t -o /dev/null; -Xmx$heap, G1;" \
     "jstat every ${sample_ms}ms; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
echo "(build: $build_id)"
for note in "${notes[@]+"${notes[@]}"}"; do echo "note: $note"; done

# Verdict, at the largest row count: does what the proxy holds mid-stream (live heap after a full GC) exceed what it
# held before the query by more than a quarter of the result's size?
held=0
allowed=$(( $(result_mb "$max_rows") / 4 ))
for r in "${results[@]}"; do
  IFS='|' read -r b n _ _ hb _ _ _ _ lv _ <<<"$r"
  [ "$n" = "$max_rows" ] && [ "$hb" != - ] || continue
  if [ "$lv" = - ]; then echo "verdict: $b: no full GC landed during the query, no live-heap reading"; continue; fi
  grow=$(awk -v a="${lv%/*}" -v b="$hb" 'BEGIN { printf "%.1f", a - b }')
  if awk -v g="$grow" -v l="$allowed" 'BEGIN { exit !(g <= l) }'; then
    echo "verdict: $b: streams, live heap mid-query ${lv%/*} MB vs $hb MB before (+$grow MB, limit +$allowed MB)"
  else
    echo "verdict: $b: HOLDS ROWS, live heap mid-query ${lv%/*} MB vs $hb MB before (+$grow MB, limit +$allowed MB)"
    held=1
  fi
done
[ "$held" = 0 ] || exit 3
