#!/usr/bin/env bash
# Builds the OCI image tarballs of the deployable modules, <module>/target/jib-image.tar
# (curation/<module>:<version>), and their SBOMs, without a Docker daemon or a registry:
# first the base image (tools/build-image-base.sh, once), then Jib on top of it.
# Load one into Docker with: docker load -i command-service/target/jib-image.tar
# Extra arguments go to Maven (e.g. -o).
set -euo pipefail
cd "$(dirname "$0")/.."
. tools/find-java.sh
find_java
export MAVEN_OPTS="${MAVEN_OPTS:-$(jdk_compat_flags)}"
base=target/image-base/curation-base.tar
# the base depends only on Debian's packages and the JDK: made again when the JDK changed
stamp="$base.jdk"
if [ ! -f "$base" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$JAVA_HOME $(cat "$JAVA_HOME/release" | md5sum)" ]; then
  tools/build-image-base.sh "$base"
  echo "$JAVA_HOME $(cat "$JAVA_HOME/release" | md5sum)" >"$stamp"
fi
./mvnw -B -ntp -Pimages -DskipTests -pl command-service,query-service,identity,curator-web -am package "$@"
