# shellcheck shell=bash
# Sourced by ./docket and .ci/run. Finds a JDK 21 or newer and exports JAVA_HOME (for ./mvnw)
# and DOCKET_JAVA (the java binary). Order: $JAVA_HOME, then `java` on PATH, then the newest
# JDK under /usr/lib/jvm (or $DOCKET_JVM_DIR). Returns 1, after a message on stderr, when there is none.

docket_java_major() {
  local version
  version=$("$1" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = //p' | head -n 1)
  case "$version" in
    1.*) echo "${version#1.}" | cut -d. -f1 ;;
    '') echo 0 ;;
    *) echo "${version%%.*}" ;;
  esac
}

docket_find_java() {
  local min=21 candidate home best="" best_major=0 major
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] &&
    [ "$(docket_java_major "$JAVA_HOME/bin/java")" -ge "$min" ]; then
    best="$JAVA_HOME"
  elif candidate=$(command -v java 2>/dev/null) &&
    [ "$(docket_java_major "$candidate")" -ge "$min" ]; then
    best=$(dirname "$(dirname "$(readlink -f "$candidate")")")
  else
    for home in "${DOCKET_JVM_DIR:-/usr/lib/jvm}"/*; do
      [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || continue
      major=$(docket_java_major "$home/bin/java")
      if [ "$major" -ge "$min" ] && [ "$major" -gt "$best_major" ]; then
        best="$home"
        best_major="$major"
      fi
    done
  fi
  if [ -z "$best" ]; then
    echo "docket: needs a JDK 21 or newer; set JAVA_HOME" >&2
    return 1
  fi
  export JAVA_HOME="$best"
  export DOCKET_JAVA="$best/bin/java"
}
