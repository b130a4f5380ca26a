# Sourced by ./curation and .ci/run: selects a JDK >= 21 and exports JAVA_HOME.
# Order: $JAVA_HOME if it is >= 21, else the newest JDK >= 21 under /usr/lib/jvm (or
# /Library/Java/JavaVirtualMachines), else `java` on the PATH if it is >= 21.

_java_feature_version() { # prints the feature version (17, 21, 25, ...) of a java binary, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

find_java() {
  local min=21 best="" best_version=0 candidate version
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    version=$(_java_feature_version "$JAVA_HOME/bin/java")
    if [ -n "$version" ] && [ "$version" -ge "$min" ]; then
      export JAVA_HOME
      return 0
    fi
  fi
  for candidate in /usr/lib/jvm/*/bin/java /Library/Java/JavaVirtualMachines/*/Contents/Home/bin/java; do
    [ -x "$candidate" ] || continue
    version=$(_java_feature_version "$candidate")
    if [ -n "$version" ] && [ "$version" -ge "$min" ] && [ "$version" -gt "$best_version" ]; then
      best="$candidate"; best_version="$version"
    fi
  done
  if [ -z "$best" ] && command -v java >/dev/null 2>&1; then
    candidate=$(command -v java)
    version=$(_java_feature_version "$candidate")
    if [ -n "$version" ] && [ "$version" -ge "$min" ]; then
      best=$(readlink -f "$candidate")
    fi
  fi
  if [ -z "$best" ]; then
    cat >&2 <<MSG
No JDK 21 or newer found (looked at JAVA_HOME, /usr/lib/jvm and the PATH).
Install one, for example Eclipse Temurin 25 (https://adoptium.net) or your distribution's
openjdk-21-jdk / openjdk-25-jdk package, or point JAVA_HOME at it.
MSG
    return 1
  fi
  JAVA_HOME=$(dirname "$(dirname "$best")")
  export JAVA_HOME
}

# JVM flags that JDK 24+ wants for libraries still using sun.misc.Unsafe (Maven's Guice, Kafka, lz4);
# empty on older JDKs, which do not know them.
jdk_compat_flags() {
  local version
  version=$(_java_feature_version "$JAVA_HOME/bin/java")
  if [ -n "$version" ] && [ "$version" -ge 24 ]; then
    echo "--sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED"
  fi
}
