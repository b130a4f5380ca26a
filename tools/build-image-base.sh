#!/usr/bin/env bash
# Builds the base image the services' Jib images start from, without any container registry:
# a Docker-format image tarball (what `docker save` writes; Jib reads it as `tar://...`) with one
# layer made of
#   - Debian's libc6 and libgcc-s1 (all the JVM links against: ldd of java and libjvm.so needs libc,
#     libm, libdl, libpthread, librt and ld-linux; libgcc_s is loaded by pthread_cancel), fetched
#     with `apt-get download` and unpacked with `dpkg-deb -x`;
#   - a Java runtime at /opt/java/openjdk, jlink'ed from the JDK this build runs on (the modules a
#     Spring Boot service uses at run time; no compiler, no tools), or a copy of that JDK where it
#     cannot link (no jmods and no linkable run-time image);
#   - /etc/passwd and /etc/group with root and the services' user, curation (uid/gid 10001),
#     /tmp (1777), /home/curation and /var/lib/curation-identity (the issuer's key volume) owned
#     by curation.
# Reproducible: the same .deb files and the same JDK give the same bytes (sorted entries, fixed
# times, numeric owners; the versions used are written to /usr/share/curation-base/versions).
# Usage: tools/build-image-base.sh [output.tar]   (default target/image-base/curation-base.tar)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-target/image-base/curation-base.tar}"
: "${JAVA_HOME:?set JAVA_HOME (. tools/find-java.sh && find_java)}"
packages=(libc6 libgcc-s1)
# the modules of a Java SE runtime plus the JDK ones a server uses (management, JFR, jcmd, DNS,
# Kerberos/SASL for Kafka, zipfs, locales, charsets, sun.misc.Unsafe)
modules=java.se,jdk.unsupported,jdk.management,jdk.management.agent,jdk.management.jfr,jdk.jfr,jdk.jcmd,\
jdk.attach,jdk.naming.dns,jdk.naming.rmi,jdk.net,jdk.nio.mapmode,jdk.crypto.cryptoki,jdk.crypto.ec,\
jdk.security.auth,jdk.security.jgss,jdk.zipfs,jdk.localedata,jdk.charsets,jdk.httpserver,jdk.xml.dom,\
jdk.dynalink,jdk.sctp
umask 022
export LC_ALL=C SOURCE_DATE_EPOCH=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rootfs="$work/rootfs"
mkdir -p "$rootfs" "$work/debs" "$(dirname "$out")"

# 1. Debian's C library, as the distribution ships it
download() { (cd "$work/debs" && apt-get download -q "${packages[@]}") >"$work/apt.log" 2>&1; }
if ! download; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && download || { cat "$work/apt.log" >&2; exit 1; }
  else echo "apt-get download ${packages[*]} failed: run 'apt-get update' (as root) first" >&2; exit 1; fi
fi
for deb in "$work"/debs/*.deb; do dpkg-deb -x "$deb" "$rootfs"; done
# the package docs but their copyright files (the licences stay with the binaries)
find "$rootfs/usr/share/doc" -type f ! -name copyright -delete
rm -rf "$rootfs/usr/share/lintian"

# 2. the Java runtime
java_home="$rootfs/opt/java/openjdk"
mkdir -p "$rootfs/opt/java"
if ! "$JAVA_HOME/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
    --generate-cds-archive --output "$java_home" >"$work/jlink.log" 2>&1; then
  echo "note: jlink could not link a runtime from $JAVA_HOME ($(tail -n 1 "$work/jlink.log")); copying the JDK" >&2
  rm -rf "$java_home"
  cp -a "$JAVA_HOME" "$java_home"
  rm -rf "$java_home"/{jmods,include,man,demo,lib/src.zip}
fi

# 3. users, directories (proc, sys and dev: where the runtime mounts them), versions
mkdir -p "$rootfs"/{etc,tmp,app,proc,sys,dev,var/lib,home,usr/share/curation-base}
chmod 1777 "$rootfs/tmp"
printf 'root:x:0:0:root:/root:/sbin/nologin\ncuration:x:10001:10001::/home/curation:/sbin/nologin\n' >"$rootfs/etc/passwd"
printf 'root:x:0:\ncuration:x:10001:\n' >"$rootfs/etc/group"
printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$rootfs/etc/nsswitch.conf"
{
  for deb in "$work"/debs/*.deb; do dpkg-deb -W --showformat='${Package} ${Version}\n' "$deb"; done
  "$java_home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.runtime\.version = /java /p'
} >"$rootfs/usr/share/curation-base/versions"
owned="$work/owned"
mkdir -p "$owned/home/curation" "$owned/var/lib/curation-identity"

# 4. the layer: everything owned by root, then the user's directories owned by 10001
layer="$work/layer.tar"
tar_flags=(--sort=name --mtime=@0 --numeric-owner --format=posix
  --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime)
tar -C "$rootfs" "${tar_flags[@]}" --owner=0 --group=0 -cf "$layer" .
tar -C "$owned" "${tar_flags[@]}" --owner=10001 --group=10001 --no-recursion \
  -rf "$layer" ./home/curation ./var/lib/curation-identity

# 5. the image tarball in `docker save` form: manifest.json, the config, the layer
diff_id=$(sha256sum "$layer" | cut -d' ' -f1)
image="$work/image"
mkdir -p "$image"
mv "$layer" "$image/$diff_id.tar"
cat >"$image/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"User":"10001","WorkingDir":"/app",
  "Env":["PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
         "JAVA_HOME=/opt/java/openjdk","LANG=C.UTF-8"]},
 "rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"tools/build-image-base.sh"}]}
JSON
config_id=$(sha256sum "$image/config.json" | cut -d' ' -f1)
mv "$image/config.json" "$image/$config_id.json"
printf '[{"Config":"%s.json","RepoTags":["curation/base:local"],"Layers":["%s.tar"]}]\n' \
  "$config_id" "$diff_id" >"$image/manifest.json"
# (no "./" entry: Jib refuses to extract one)
tar -C "$image" "${tar_flags[@]}" --owner=0 --group=0 -cf "$out" manifest.json "$config_id.json" "$diff_id.tar"
echo "base image $out: $(sha256sum "$out" | cut -d' ' -f1)"
sed 's/^/  /' "$rootfs/usr/share/curation-base/versions"
