#!/usr/bin/env bash
# Connection setup rate: pgbench -C (a new connection for every transaction) running a trivial "SELECT 1", against
# PostgreSQL directly (trust) and through pgbridge (JDBC path to the same PostgreSQL) with trust and with
# scram-sha-256, over plain TCP and over TLS (sslmode=require, self-signed), all in the same run. One pgbridge serves
# every pgbridge row but the last: its rules give the user postgres trust and the user bench_scram SCRAM. The last row
# is a second pgbridge in pass-through mode (trust), whose relay hands PostgreSQL connections from one client to the
# next. Runs are interleaved and the median connections/s (pgbench's tps with -C) of each is printed with its ratio
# to direct.
#
#   bench/connection-rate.sh [seconds per run, default 10] [rounds, default 3] [clients, default 8] [threads, default 2]
#
# The local PostgreSQL trusts loopback, so there is no direct SCRAM row. psql, pgbench and the client's own SCRAM
# work (PBKDF2, 4096 iterations, as PostgreSQL's default) run on the same machine as the server.
# Needs psql and pgbench, and a PostgreSQL at PGHOST:PGPORT (default 127.0.0.1:5432, user postgres, trust).
set -euo pipefail
. "$(dirname "$0")/bench-common.sh"
bench_args "$@"
db=pgbridge_bench
port=${PROXY_PORT:-5487}
password=bench-scram-password

bench_database "$db"
echo "select 1;" >"$tmp/select1.sql"
verifier=$(echo "$password" | "$here/pgbridge" passwd bench_scram)
cat >"$tmp/pgbridge.yaml" <<YAML
listen: { host: 127.0.0.1, port: $port, tls: enabled, tls_self_signed: true }
data_dir: $tmp/data
auth:
  users:
    $verifier
  rules:
    - host all $pguser 127.0.0.1/32 trust
    - host all bench_scram 127.0.0.1/32 scram-sha-256
backends:
  pg:
    url: jdbc:postgresql://$pghost:$pgport/$db
    user: $pguser
YAML
bench_start pgbridge --config "$tmp/pgbridge.yaml"
pass_port=$((port - 1))
cat >"$tmp/passthrough.yaml" <<YAML
listen: { host: 127.0.0.1, port: $pass_port }
data_dir: $tmp/pass-data
backends:
  pg:
    url: jdbc:postgresql://$pghost:$pgport/$db
    user: $pguser
    mode: passthrough
YAML
bench_start passthrough --config "$tmp/passthrough.yaml"
bench_wait

rate() { # host port user sslmode seconds
  PGPASSWORD=$password PGSSLMODE=$4 pgbench -n -C -f "$tmp/select1.sql" -c "$clients" -j "$threads" -T "$5" \
    -h "$1" -p "$2" -U "$3" "$db" 2>/dev/null | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | head -n 1
}

# name host port user sslmode
cases=(
  "postgresql-direct-trust $pghost $pgport $pguser disable"
  "pgbridge-trust 127.0.0.1 $port $pguser disable"
  "pgbridge-scram 127.0.0.1 $port bench_scram disable"
  "pgbridge-trust-tls 127.0.0.1 $port $pguser require"
  "pgbridge-scram-tls 127.0.0.1 $port bench_scram require"
  "pgbridge-passthrough-trust 127.0.0.1 $pass_port $pguser disable"
)
for c in "${cases[@]}"; do   # warm the JVM (JIT, TLS, SCRAM) before measuring
  read -r _ h p u s <<<"$c"; rate "$h" "$p" "$u" "$s" 3 >/dev/null || true
done
declare -A runs
for _ in $(seq 1 "$rounds"); do
  for c in "${cases[@]}"; do
    read -r name h p u s <<<"$c"
    runs[$name]="${runs[$name]:-} $(rate "$h" "$p" "$u" "$s" "$seconds")"
  done
done
direct=$(echo "${runs[postgresql-direct-trust]}" | median)
printf '%-28s %14s %10s\n' target connections/s vs_direct
for c in "${cases[@]}"; do
  read -r name _ <<<"$c"
  m=$(echo "${runs[$name]}" | median)
  printf '%-28s %14.0f %10.2f\n' "$name" "$m" "$(ratio "$m" "$direct")"
done
echo "(pgbench -C -f 'select 1', $clients clients, $threads threads, median of $rounds interleaved runs of ${seconds}s," \
  "$(bench_conditions))"
