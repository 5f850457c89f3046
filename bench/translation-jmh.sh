#!/usr/bin/env bash
# JMH benchmark of SQL translation: microseconds per statement for each backend dialect, uncached (the
# translator itself), cached (same statement again) and literal-varying (pgbench -M simple's pattern, through the
# cache). Prints JMH's table; extra arguments go to JMH (e.g. -p target=H2 -f 2).
#
#   bench/translation-jmh.sh [JMH options]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
exec "$here/bench/java.sh" org.openjdk.jmh.Main -rf text -rff "$here/bench/target/translation-jmh.txt" "$@" \
  TranslationBenchmark
