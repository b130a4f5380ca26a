#!/usr/bin/env bash
# Runs OCI image tarballs (Jib's target/jib-image.tar) without Docker: unpacks the layers into a
# directory and runs the image's entrypoint there as the image's user, in new mount and PID
# namespaces (unshare, as root) with /proc and /dev mounted the way a container runtime would:
#   1. `java -version` of the entrypoint's java;
#   2. the entrypoint with `java --dry-run`: the JVM starts with the image's flags and class path
#      and loads and links the main class, without running it;
#   3. with --start: the whole entrypoint, the application's context started and closed again
#      (-Dspring.context.exit=onRefresh, on a free port of 127.0.0.1), for images that start on
#      their own (the issuer; the services need PostgreSQL and Kafka); CHECK_IMAGE_START_ARGS holds
#      more application arguments for it (space-separated), e.g. an account for the issuer.
# Usage (as root): tools/check-image.sh [--start] image.tar [[--start] image.tar ...]
# Needs tar, jq and util-linux's unshare (Debian: apt-get install jq).
set -euo pipefail
[ "$(id -u)" = 0 ] || { echo "check-image.sh needs root (unshare, mounts)" >&2; exit 1; }
command -v jq >/dev/null || { echo "check-image.sh needs jq (apt-get install jq)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
checked=0 start=false

# run_in ROOT CONFIG ARGV...: ARGV in the unpacked image ROOT with the env, user and working
# directory of the image config CONFIG (a file)
run_in() {
  local root=$1 config=$2; shift 2
  local user workdir; local -a envs
  user=$(jq -r '.config.User // "0"' "$config")
  workdir=$(jq -r '.config.WorkingDir // "/"' "$config")
  mapfile -t envs < <(jq -r '.config.Env // [] | .[]' "$config")
  local uid=${user%%:*} gid=${user#*:}
  [ "$gid" != "$user" ] || gid=$uid
  # env -i: only the image's variables; the inner unshare resolves the command with the image's PATH
  env -i "${envs[@]}" unshare --mount --pid --fork --kill-child -- /bin/sh -c '
    root=$1; shift
    mount -t proc proc "$root/proc" && mount --rbind /dev "$root/dev" || exit 125
    exec "$@"' sh "$root" unshare --root="$root" --wd="$workdir" --setuid="$uid" --setgid="$gid" -- "$@"
}

check() {
  local tar=$1 dir="$work/$checked"
  mkdir -p "$dir/oci" "$dir/root"
  tar -xf "$tar" -C "$dir/oci"
  local index="$dir/oci/index.json" manifest config name
  [ -f "$index" ] || { echo "FAIL $tar: no index.json (not an OCI image tarball)" >&2; return 1; }
  name=$(jq -r '.manifests[0].annotations["org.opencontainers.image.ref.name"] // "?"' "$index")
  manifest="$dir/oci/blobs/sha256/$(jq -r '.manifests[0].digest' "$index" | cut -d: -f2)"
  config="$dir/oci/blobs/sha256/$(jq -r '.config.digest' "$manifest" | cut -d: -f2)"
  # layers in order (Jib writes no whiteouts: a later layer only adds files)
  while read -r digest; do
    # (Jib's layers carry libarchive's creation time headers, which GNU tar does not know)
    tar --warning=no-unknown-keyword -xzf "$dir/oci/blobs/sha256/${digest#sha256:}" -C "$dir/root"
  done < <(jq -r '.layers[].digest' "$manifest")
  local -a entrypoint
  mapfile -t entrypoint < <(jq -r '.config.Entrypoint // [] | .[]' "$config")
  [ "${#entrypoint[@]}" -gt 1 ] || { echo "FAIL $name: no entrypoint" >&2; return 1; }
  echo "== $name: user $(jq -r '.config.User' "$config"), ports $(jq -r '.config.ExposedPorts // {} | keys | join(",")' "$config"), entrypoint ${entrypoint[*]}"
  run_in "$dir/root" "$config" "${entrypoint[0]}" -version 2>&1 | sed 's/^/   /'
  # `java --dry-run ...`: the image's JVM flags, class path file and main class
  run_in "$dir/root" "$config" "${entrypoint[0]}" --dry-run "${entrypoint[@]:1}" 2>&1 | sed 's/^/   /'
  echo "   main class loads: ${entrypoint[-1]}"
  if $start; then
    local -a more
    read -r -a more <<<"${CHECK_IMAGE_START_ARGS:-}"
    # spring.context.exit is a JVM system property (Spring's SpringProperties), not an application argument
    run_in "$dir/root" "$config" "${entrypoint[0]}" -Dspring.context.exit=onRefresh "${entrypoint[@]:1}" --server.port=0 \
      --server.address=127.0.0.1 "${more[@]}" >"$dir/start.log" 2>&1 \
      || { tail -n 40 "$dir/start.log" >&2; echo "FAIL $name: the application did not start" >&2; return 1; }
    echo "   started and stopped: $(grep -o 'Tomcat started on port [0-9]*' "$dir/start.log" || echo 'context refreshed')"
  fi
  [ -d "$dir/root/app/sbom" ] && echo "   SBOM: $(cd "$dir/root" && ls app/sbom/*)"
  rm -rf "$dir"
}

set -o pipefail
for arg in "$@"; do
  if [ "$arg" = --start ]; then start=true; continue; fi
  check "$arg"
  checked=$((checked + 1)) start=false
done
[ "$checked" -gt 0 ] || { echo "usage: $0 [--start] image.tar ..." >&2; exit 2; }
echo "images run without Docker: $checked"
