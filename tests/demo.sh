#!/usr/bin/env bash
# The README's main command. On a fresh Debian 12 machine with the .NET SDK (as root):
#   - installs the prerequisites (tests/setup.sh);
#   - builds a real Debian 12 image with no container engine (mmdebstrap + umoci) and pushes it to
#     Debian's docker-registry on 127.0.0.1;
#   - runs the bridge's `scan` verb on it: a daemonless pull, a safe unpack, the real oscap with a
#     SCAP Security Guide Debian 12 profile (ANSSI BP-028 high by default: it has findings on a stock
#     image; DEMO_PROFILE=standard for the bridge's default), the summary, the ARF and the HTML report;
#   - summarises the ARF again with `report summarize --format json`.
# Results land in ./demo-results (or $DEMO_RESULTS).
set -euo pipefail
cd "$(dirname "$0")/.."
DEMO_DIR=${DEMO_DIR:-/var/tmp/manageiq-openscap-demo}
RESULTS=${DEMO_RESULTS:-$PWD/demo-results}
PROFILE=${DEMO_PROFILE:-anssi_bp28_high}
# This machine reaches no CVE feed; give one with DEMO_CVE_URL (a URL or a local .xml/.bz2/.gz file).
CVE_ARGS=(--cve-feed-policy disabled)
[ -n "${DEMO_CVE_URL:-}" ] && CVE_ARGS=(--cve-url "$DEMO_CVE_URL" --cve-feed-policy required)

bash tests/setup.sh
source tests/lib/debian-image.sh
build_debian_layout "$DEMO_DIR"
start_loopback_registry "$DEMO_DIR/registry"
trap 'kill "$REGISTRY_PID" 2>/dev/null || true' EXIT
image="$REGISTRY_HOST/demo/debian:12"
skopeo copy --quiet --dest-tls-verify=false "oci:$DEMO_DIR/layout:12" "docker://$image"

dotnet build src/ManageIQ.OpenScap.Bridge -c Release -nologo -v q -clp:ErrorsOnly
bridge=(dotnet src/ManageIQ.OpenScap.Bridge/bin/Release/net10.0/ManageIQ.OpenScap.Bridge.dll)

printf '\n== bridge scan %s\n' "$image"
set +e
"${bridge[@]}" scan "$image" --insecure-registry "$REGISTRY_HOST" --output-dir "$RESULTS" \
  --ssg-profile "$PROFILE" "${CVE_ARGS[@]}"
rc=$?
set -e
# 0: no rule failed; 2: the scan completed with failed rules (the usual outcome). Anything else is an error.
if [ "$rc" -ne 0 ] && [ "$rc" -ne 2 ]; then
  echo "scan failed with exit status $rc"; exit "$rc"
fi

printf '\n== bridge report summarize %s --format json (first lines)\n' "$RESULTS/results-arf.xml"
"${bridge[@]}" report summarize "$RESULTS/results-arf.xml" --format json | head -n 40
printf '\nDemo finished: ARF, HTML report and summary are in %s\n' "$RESULTS"
