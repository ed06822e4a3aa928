#!/usr/bin/env bash
# Installs what the tests need on a Debian 12 machine. Idempotent: a second run changes nothing.
# Needs root (apt). The SCAP Security Guide Debian 12 data stream comes from trixie's ssg-debian
# package, fetched through apt from the machine's own configured Debian archive.
set -euo pipefail

CONTENT_DIR=${MIQ_OPENSCAP_CONTENT_DIR:-/usr/local/share/xml/scap/ssg/content}
# Debian 12's own kubectl (kubernetes-client 1.20, kustomize v2.0.3), unpacked here rather than installed: a
# machine may already have another kubectl at /usr/bin/kubectl. The manifest tests render with it.
KUBECTL_DIR=${MIQ_DEBIAN_KUBECTL_DIR:-/usr/local/lib/miq-openscap/kubernetes-client}
PACKAGES=(openscap-scanner openscap-utils libxml2-utils bzip2 gzip zstd ssg-debian ssg-debderived ssg-base
          docker-registry skopeo umoci apache2-utils mmdebstrap hyperfine time curl python3 ruby
          rpm db5.3-util)

log() { printf 'setup: %s\n' "$*" >&2; }

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# The package's registry service listens on every interface; tests start their own on loopback.
if command -v systemctl >/dev/null 2>&1; then systemctl disable --now docker-registry >/dev/null 2>&1 || true; fi

if [ ! -s "$CONTENT_DIR/ssg-debian12-ds.xml" ]; then
  log "fetching the Debian 12 SCAP Security Guide data stream (trixie's ssg-debian)"
  d=$(mktemp -d); trap 'rm -rf "$d"' EXIT
  mkdir -p "$d/srcparts" "$d/lists/partial" "$d/archives/partial" "$d/x"
  uri=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources)
  printf 'Types: deb\nURIs: %s\nSuites: trixie\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' "$uri" \
    > "$d/srcparts/trixie.sources"
  o=(-o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$d/srcparts" -o "Dir::State::Lists=$d/lists"
     -o "Dir::Cache::archives=$d/archives" -o APT::Sandbox::User=root)
  apt-get "${o[@]}" -qq update
  (cd "$d" && apt-get "${o[@]}" -qq download ssg-debian)
  dpkg-deb -x "$d"/ssg-debian_*_all.deb "$d/x"
  mkdir -p "$CONTENT_DIR"
  cp "$d"/x/usr/share/xml/scap/ssg/content/ssg-debian12-*.xml "$CONTENT_DIR/"
  log "installed $(ls "$CONTENT_DIR")"
fi

if [ ! -x "$KUBECTL_DIR/usr/bin/kubectl" ]; then
  log "unpacking Debian's kubernetes-client (kubectl 1.20) into $KUBECTL_DIR"
  k=$(mktemp -d)
  (cd "$k" && { apt-get -qq download kubernetes-client 2>/dev/null || { apt-get update -qq && apt-get -qq download kubernetes-client; }; })
  mkdir -p "$KUBECTL_DIR"
  dpkg-deb -x "$k"/kubernetes-client_*.deb "$KUBECTL_DIR"
  rm -rf "$k"
fi
