#!/usr/bin/env bash
# pgbench -S through pgbridge on its embedded H2 default, in the simple, extended and prepared protocols, to show
# what translation costs: simple mode sends every statement as new text (a new literal each time), so it depends on
# the translation cache hitting by statement shape; prepared mode translates once per connection.
#
#   bench/pgbench-h2-modes.sh [seconds per run, default 10] [rounds, default 3] [clients, default 8] [threads, default 2]
#
# The data (pgbench scale 1, built server-side with generate_series) lives in a temporary data directory.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-10}
rounds=${2:-3}
clients=${3:-8}
threads=${4:-2}
port=${PROXY_PORT:-5497}

tmp=$(mktemp -d)
"$here/pgbridge" --port "$port" --data-dir "$tmp/data" >"$tmp/proxy.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$tmp"' EXIT
for _ in $(seq 1 120); do
  grep -q "ready to accept connections" "$tmp/proxy.log" && break
  kill -0 $pid 2>/dev/null || { cat "$tmp/proxy.log" >&2; exit 1; }
  sleep 0.5
done
# d: drop, t: create tables, G: generate rows server-side (no COPY), p: primary keys.
pgbench -q -i -I dtGp -s 1 -h 127.0.0.1 -p "$port" -U pgbench pgbench >"$tmp/init.log" 2>&1 || { cat "$tmp/init.log" >&2; exit 1; }

tps() { # mode seconds
  pgbench -n -S -M "$1" -c "$clients" -j "$threads" -T "$2" -h 127.0.0.1 -p "$port" -U pgbench pgbench 2>/dev/null \
    | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | head -n 1
}
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

for mode in prepared simple extended; do tps "$mode" 5 >/dev/null || true; done   # JIT warm-up
s=""; e=""; p=""
for _ in $(seq 1 "$rounds"); do
  s="$s $(tps simple "$seconds")"; e="$e $(tps extended "$seconds")"; p="$p $(tps prepared "$seconds")"
done
sm=$(echo "$s" | median); em=$(echo "$e" | median); pm=$(echo "$p" | median)
printf '%-10s %10s %18s\n' mode tps vs_prepared
printf '%-10s %10.0f %18.2f\n' simple "$sm" "$(awk -v a="$sm" -v b="$pm" 'BEGIN { print a / b }')"
printf '%-10s %10.0f %18.2f\n' extended "$em" "$(awk -v a="$em" -v b="$pm" 'BEGIN { print a / b }')"
printf '%-10s %10.0f %18.2f\n' prepared "$pm" 1
echo "(pgbench -S through pgbridge -> embedded H2, $clients clients, $threads threads, median of $rounds interleaved" \
  "runs of ${seconds}s, scale 1, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg);" \
  "pgbridge $(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo dev))"
