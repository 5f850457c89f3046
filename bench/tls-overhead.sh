#!/usr/bin/env bash
# What TLS costs on the query path: pgbench -S -M prepared through pgbridge (JDBC path and pass-through mode, each
# with a self-signed certificate) with sslmode=disable and sslmode=require, and against PostgreSQL directly with both
# when its ssl is on (SHOW ssl), all in the same run. Runs are interleaved (every target and sslmode, repeated ROUNDS
# times) and the median TPS of each is printed with the TLS/plain ratio, so the machine's background noise falls on
# all alike.
#
#   bench/tls-overhead.sh [seconds per run, default 10] [rounds, default 3] [clients, default 8] [threads, default 2]
#
# Needs psql and pgbench, and a PostgreSQL at PGHOST:PGPORT (default 127.0.0.1:5432, user postgres, trust).
set -euo pipefail
. "$(dirname "$0")/bench-common.sh"
bench_args "$@"
db=pgbridge_bench
jdbc_port=${PROXY_PORT:-5489}
pass_port=$((jdbc_port - 1))
scale=${SCALE:-10}

bench_pgbench_data "$db" "$scale"
direct_ssl=$(psql -X -q -h "$pghost" -p "$pgport" -U "$pguser" -d "$db" -tAc "show ssl")

for target in jdbc pass; do
  port=$jdbc_port; mode=jdbc
  if [ "$target" = pass ]; then port=$pass_port; mode=passthrough; fi
  cat >"$tmp/$target.yaml" <<YAML
listen: { host: 127.0.0.1, port: $port, tls: enabled, tls_self_signed: true }
data_dir: $tmp/$target-data
backends:
  pg:
    url: jdbc:postgresql://$pghost:$pgport/$db
    user: $pguser
    mode: $mode
YAML
  bench_start "$target" --config "$tmp/$target.yaml"
done
bench_wait

tps() { # host port sslmode seconds
  PGSSLMODE=$3 pgbench -n -S -M prepared -c "$clients" -j "$threads" -T "$4" -h "$1" -p "$2" -U "$pguser" "$db" \
    2>/dev/null | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | head -n 1
}

# Warm both JVMs (JIT and the TLS code) before measuring.
for port in "$jdbc_port" "$pass_port"; do
  for sslmode in disable require; do tps 127.0.0.1 "$port" "$sslmode" 5 >/dev/null || true; done
done

targets="jdbc:$jdbc_port passthrough:$pass_port"
if [ "$direct_ssl" = on ]; then targets="direct:$pgport $targets"; fi
declare -A plain tls
for _ in $(seq 1 "$rounds"); do
  for t in $targets; do
    name=${t%%:*}; port=${t##*:}; host=127.0.0.1
    if [ "$name" = direct ]; then host=$pghost; fi
    plain[$name]="${plain[$name]:-} $(tps "$host" "$port" disable "$seconds")"
    tls[$name]="${tls[$name]:-} $(tps "$host" "$port" require "$seconds")"
  done
done
printf '%-22s %12s %12s %10s\n' target plain_tps tls_tps tls/plain
for t in $targets; do
  name=${t%%:*}
  pm=$(echo "${plain[$name]}" | median); tm=$(echo "${tls[$name]}" | median)
  printf '%-22s %12.0f %12.0f %10.2f\n' "$( [ "$name" = direct ] && echo "postgresql direct" || echo "pgbridge $name")" \
    "$pm" "$tm" "$(ratio "$tm" "$pm")"
done
if [ "$direct_ssl" != on ]; then
  echo "(PostgreSQL at $pghost:$pgport has ssl $direct_ssl: no direct TLS figures)"
fi
echo "(pgbench -S -M prepared, $clients clients, $threads threads, median of $rounds interleaved runs of ${seconds}s," \
  "scale $scale, sslmode disable vs require, TLS 1.3 self-signed, $(bench_conditions))"
