#!/usr/bin/env bash
# The ceiling for COPY into the embedded H2 default: what H2 itself inserts per second in this process, with no
# pgbridge, no network and no row decoding (bench/src/main/java/io/pgbridge/bench/H2InsertBound.java). Compare its
# figures with bench/copy-1m.sh's h2 line run at the same time.
#
#   bench/h2-insert-bound.sh [ROWS] [ROUNDS] [MODES]     e.g. bench/h2-insert-bound.sh 1000000 4 insert-select
set -euo pipefail
exec "$(dirname "$0")/java.sh" -Xmx512m io.pgbridge.bench.H2InsertBound "$@"
