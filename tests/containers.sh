#!/usr/bin/env bash
# Builds the two images the way a fresh machine can: installs podman, writes the containers.conf this
# machine kind needs, makes the Debian bases locally (mmdebstrap + podman import: no container registry is
# reachable), publishes both programs on the host and builds the shipping stage of each Containerfile.
# Run by tests/ManageIQ.OpenScap.Containers.Tests (so its result counts in tests/run.sh's last line).
#
# Exit status: 0 built; 77 skipped (podman cannot run at all; the reason is the last line, "skip: ...");
# anything else failed. Prints the environment the tests need as KEY=VALUE lines starting with "export: ".
# Needs root. State (bases, publish output, logs) in $MIQ_CONTAINERS_DIR (default /var/tmp/miq-openscap-containers).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
state=${MIQ_CONTAINERS_DIR:-/var/tmp/miq-openscap-containers}
inspector_tag=localhost/manageiq-openscap-inspector:dev
bridge_tag=localhost/manageiq-openscap-bridge:dev
mkdir -p "$state"

log() { printf 'containers: %s\n' "$*" >&2; }
skip() { echo "skip: $*"; exit 77; }
seconds() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(seconds)" 'BEGIN { printf "%.1f", b - a }'; }

# podman only recommends catatonit, and kube play needs it as the pause binary: install it by name.
packages=(podman buildah runc uidmap catatonit)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  [ "$(id -u)" -eq 0 ] || skip "podman is not installed and installing it needs root"
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || skip "apt-get could not install ${missing[*]}"
fi

# crun fails here ("cgroups in hybrid mode not supported"), the default ulimits fail with "setrlimit
# RLIMIT_NOFILE: Operation not permitted", and there is no systemd to manage cgroups.
conf=$state/containers.conf
cat > "$conf" <<'EOF'
[containers]
default_ulimits = []

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
EOF
export CONTAINERS_CONF=$conf
echo "export: CONTAINERS_CONF=$conf"
podman info >/dev/null 2>"$state/podman-info.err" || skip "podman cannot run: $(tail -n 1 "$state/podman-info.err")"

# The bases: Debian's own minbase from the machine's archive, cached as tarballs and images, slimmed as the
# public debian:*-slim images are (no manuals, documentation or translations, now or in later installs).
mirror=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources)
slim=()
for pattern in 'path-exclude=/usr/share/man/*' 'path-exclude=/usr/share/doc/*' 'path-include=/usr/share/doc/*/copyright' \
               'path-exclude=/usr/share/locale/*' 'path-include=/usr/share/locale/locale.alias'; do
  slim+=("--dpkgopt=$pattern")
done
for suite in bookworm trixie; do
  if ! podman image exists "localhost/debian:$suite"; then
    tarball=$state/debian-$suite-slim.tar
    if [ ! -s "$tarball" ]; then
      start=$(seconds)
      # mmdebstrap picks the output format by the extension: keep ".tar" last.
      mmdebstrap --variant=minbase --quiet "${slim[@]}" "$suite" "$state/partial-$suite.tar" "$mirror"
      mv "$state/partial-$suite.tar" "$tarball"
      log "made the $suite minbase in $(elapsed "$start") s"
    fi
    podman import --quiet "$tarball" "localhost/debian:$suite" >/dev/null
  fi
done

# The build context: the tracked sources without any build output, plus the host's publish output in
# artifacts/ (the Containerfiles' PUBLISH=host). The worktree itself is left untouched. A publish is kept
# while the sources it came from are unchanged.
context=$state/context
sources() {
  tar -C "$repo" --exclude=bin --exclude=obj --exclude=TestResults --sort=name --mtime=@0 --owner=0 --group=0 \
    -cf - global.json nuget.config Directory.Build.props Directory.Packages.props .editorconfig .containerignore src policies
}
digest=$(sources | sha256sum | cut -d' ' -f1)
if [ "$(cat "$context/.sources" 2>/dev/null)" != "$digest" ]; then
  rm -rf "$context"
  mkdir -p "$context"
  sources | tar -C "$context" -xf -
  publish() { # project, output directory
    local start
    start=$(seconds)
    dotnet publish "$context/src/$1/$1.csproj" -c Release -r linux-x64 --self-contained true -p:PublishReadyToRun=true \
      -nologo -v q -clp:ErrorsOnly -o "$context/artifacts/$2" >"$state/publish-$2.log" 2>&1 \
      || { cat "$state/publish-$2.log" >&2; log "dotnet publish of $1 failed"; exit 1; }
    rm -f "$context/artifacts/$2"/*.pdb
    log "published $1 in $(elapsed "$start") s"
  }
  publish ManageIQ.OpenScap.Inspector inspector
  publish ManageIQ.OpenScap.Bridge bridge
  echo "$digest" > "$context/.sources"
fi

build() { # Containerfile directory, base image, tag
  local start
  start=$(seconds)
  podman build --network host --pull=never --layers -f "manifests/$1/Containerfile" \
    --build-arg "BASE_IMAGE=$2" --build-arg PUBLISH=host -t "$3" "$context" >"$state/build-$1.log" 2>&1 \
    || { tail -n 40 "$state/build-$1.log" >&2; log "podman build of $3 failed"; exit 1; }
  log "built $3 in $(elapsed "$start") s"
}
build inspector localhost/debian:trixie "$inspector_tag"
build bridge localhost/debian:bookworm "$bridge_tag"

# Sizes as podman reports them (uncompressed, every layer).
for tag in "$inspector_tag" "$bridge_tag"; do
  size=$(podman image inspect --format '{{.Size}}' "$tag")
  log "$tag: $size bytes ($((size / 1000000)) MB)"
  echo "size: $tag $size"
done
echo "export: MIQ_INSPECTOR_IMAGE=$inspector_tag"
echo "export: MIQ_BRIDGE_IMAGE=$bridge_tag"
