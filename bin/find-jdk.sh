# Sourced by ./pgbridge and ./mvnw: finds a JDK >= 21 and exports JAVA_HOME.
# Order: $JAVA_HOME, the `java` on PATH, then the JDKs installed in the usual system folders (newest first).
# Prints a clear message and returns 1 when there is none.

pgbridge_required_java=21

# Prints the feature version (17, 21, 25…) of the JDK at $1, or nothing.
pgbridge_jdk_version() {
  _home=$1
  [ -x "$_home/bin/java" ] || return 0
  [ -x "$_home/bin/javac" ] || return 0   # a JRE cannot build the project
  if [ -f "$_home/release" ]; then
    _v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$_home/release" | head -n 1)
  fi
  if [ -z "${_v:-}" ]; then
    _v=$("$_home/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
  fi
  [ "${_v:-}" = 1 ] && _v=8
  echo "${_v:-}"
  unset _v
}

pgbridge_find_jdk() {
  _best=""; _best_v=0
  if [ -n "${JAVA_HOME:-}" ]; then
    _v=$(pgbridge_jdk_version "$JAVA_HOME")
    if [ -n "$_v" ] && [ "$_v" -ge "$pgbridge_required_java" ]; then return 0; fi
  fi
  if command -v java >/dev/null 2>&1; then
    _java=$(command -v java)
    _java=$(readlink -f "$_java" 2>/dev/null || echo "$_java")
    _home=$(dirname "$(dirname "$_java")")
    _v=$(pgbridge_jdk_version "$_home")
    if [ -n "$_v" ] && [ "$_v" -ge "$pgbridge_required_java" ]; then export JAVA_HOME="$_home"; return 0; fi
  fi
  case $- in *f*) _noglob=1; set +f ;; *) _noglob=0 ;; esac   # mvnw runs with `set -f`
  for _home in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
               /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$_home" ] || continue
    [ -L "$_home" ] && continue   # distributions add aliases; the real folder is listed too
    _v=$(pgbridge_jdk_version "$_home")
    if [ -n "$_v" ] && [ "$_v" -ge "$pgbridge_required_java" ] && [ "$_v" -gt "$_best_v" ]; then
      _best=$_home; _best_v=$_v
    fi
  done
  [ "$_noglob" = 1 ] && set -f
  if [ -n "$_best" ]; then export JAVA_HOME="$_best"; return 0; fi
  echo "pgbridge: no JDK $pgbridge_required_java or newer was found (looked at JAVA_HOME, java on PATH, /usr/lib/jvm)." >&2
  echo "pgbridge: install one (for example: apt-get install openjdk-21-jdk-headless) or set JAVA_HOME." >&2
  return 1
}
