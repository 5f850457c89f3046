#!/usr/bin/env bash
# Builds the bench module and runs a JVM on its classes and dependencies (for the bench/*.sh that run Java mains).
#
#   bench/java.sh [JVM options] MAIN_CLASS [arguments]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
./mvnw -B -q -pl bench -am package -DskipTests >&2
. "$here/bin/find-jdk.sh"
pgbridge_find_jdk
opts=()
while [ $# -gt 0 ] && [ "${1#-}" != "$1" ]; do opts+=("$1"); shift; done
exec "$JAVA_HOME/bin/java" "${opts[@]}" -cp "bench/target/classes:$(cat bench/target/classpath.txt)" "$@"
