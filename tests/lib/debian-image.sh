# Shared by tests/demo.sh and tests/benchmarks/*.sh (source it; bash only).
# A realistic image without any container engine: a Debian 12 minbase root filesystem built with
# mmdebstrap from the machine's own Debian mirror, packed as one OCI layer with umoci, and pushed with
# skopeo to Debian's docker-registry listening on 127.0.0.1 only.

# build_debian_layout DIR: leaves an OCI layout at DIR/layout with tag 12 (cached across runs).
build_debian_layout() {
  local dir=$1
  mkdir -p "$dir"
  if [ ! -e "$dir/rootfs.done" ]; then
    local mirror
    mirror=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources)
    printf 'image: mmdebstrap --variant=minbase bookworm (about 30 s)\n' >&2
    rm -rf "$dir/rootfs"
    mmdebstrap --quiet --variant=minbase bookworm "$dir/rootfs" "$mirror"
    touch "$dir/rootfs.done"
  fi
  if [ ! -e "$dir/layout.done" ]; then
    printf 'image: packing the root filesystem with umoci\n' >&2
    rm -rf "$dir/layout" "$dir/bundle"
    umoci init --layout "$dir/layout"
    umoci new --image "$dir/layout:12"
    umoci unpack --image "$dir/layout:12" "$dir/bundle"
    rm -rf "$dir/bundle/rootfs"
    cp -a "$dir/rootfs" "$dir/bundle/rootfs"
    umoci repack --image "$dir/layout:12" "$dir/bundle"
    umoci config --image "$dir/layout:12" --os linux --architecture amd64 --config.cmd /bin/bash
    rm -rf "$dir/bundle"
    touch "$dir/layout.done"
  fi
}

# start_loopback_registry DIR: starts docker-registry on 127.0.0.1 and a free port; sets REGISTRY_HOST
# and REGISTRY_PID. The caller stops it (kill "$REGISTRY_PID").
start_loopback_registry() {
  local reg=$1 port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  rm -rf "$reg"; mkdir -p "$reg/data"
  cat > "$reg/config.yml" <<YAML
version: 0.1
log: {level: warn, accesslog: {disabled: true}}
storage: {filesystem: {rootdirectory: $reg/data}, delete: {enabled: true}}
http: {addr: 127.0.0.1:$port}
YAML
  docker-registry serve "$reg/config.yml" > "$reg/registry.log" 2>&1 &
  REGISTRY_PID=$!
  REGISTRY_HOST="127.0.0.1:$port"
  local _
  for _ in $(seq 100); do curl -fs "http://$REGISTRY_HOST/v2/" >/dev/null && return 0; sleep 0.1; done
  printf 'registry did not start; see %s\n' "$reg/registry.log" >&2
  return 1
}
