#!/usr/bin/env bash
# The inspector's end-to-end time split (pull, unpack, oscap, report) on a realistic image: a Debian 12
# minbase root filesystem built with mmdebstrap from the machine's own Debian mirror, packed as one OCI
# layer with umoci, pushed with skopeo to Debian's docker-registry on 127.0.0.1, then scanned RUNS times by
# the inspector (one-shot mode, SSG Debian 12 "standard" profile, HTML report on, fresh pull each run).
# Needs root (mmdebstrap) and the packages of tests/setup.sh. Usage: tests/benchmarks/inspector-time-split.sh
# SCRATCH=disk (default) unpacks on the disk under BENCH_DIR, as a scanning pod's emptyDir on the node's disk;
# SCRATCH=memory unpacks in /dev/shm (tmpfs), as the pod's emptyDir with Pod:ScratchMedium=Memory.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${RUNS:-3}
BENCH_DIR=${BENCH_DIR:-/var/tmp/miq-inspector-bench}
log() { printf 'bench: %s\n' "$*" >&2; }
case ${SCRATCH:-disk} in
  disk) WORK_ROOT=$BENCH_DIR ;;
  memory) WORK_ROOT=/dev/shm/miq-inspector-bench ;;
  *) echo "SCRATCH must be disk or memory" >&2; exit 2 ;;
esac
mkdir -p "$BENCH_DIR" "$WORK_ROOT"
# Trees of an earlier run are deleted first. The first unpack after that is often 2-4 times slower (ext4
# allocating inodes among freshly freed ones whose metadata blocks must be read back; GNU tar pays it too),
# so one unmeasured warm-up scan (WARMUP=1) runs before the measured ones. See the README's Performance section.
WARMUP=${WARMUP:-1}
rm -rf "$WORK_ROOT"/run-* "$WORK_ROOT/tar-floor"
sync

# 1-3. The image, and a registry of our own on loopback.
source tests/lib/debian-image.sh
build_debian_layout "$BENCH_DIR"
layout="$BENCH_DIR/layout"
reg="$BENCH_DIR/registry"
start_loopback_registry "$reg"
registry_pid=$REGISTRY_PID
trap 'kill $registry_pid 2>/dev/null || true' EXIT
port=${REGISTRY_HOST##*:}
image="$REGISTRY_HOST/bench/debian:12"
skopeo copy --quiet --dest-tls-verify=false "oci:$layout:12" "docker://$image"
layer_bytes=$(du -b "$reg/data" | tail -n 1 | cut -f1)

# 4. The inspector as its container ships it (manifests/inspector/Containerfile): a self-contained ReadyToRun publish.
dotnet publish src/ManageIQ.OpenScap.Inspector -c Release -r linux-x64 --self-contained true -p:PublishReadyToRun=true \
  -o "$BENCH_DIR/inspector" -nologo -v q -clp:ErrorsOnly
inspector="$BENCH_DIR/inspector/ManageIQ.OpenScap.Inspector"
oscap_version=$(oscap --version | head -n 1)
log "image $image ($layer_bytes bytes in the registry); $oscap_version"

log "run 0 is the unmeasured warm-up"
printf '%-4s %8s %8s %8s %8s %8s %8s %8s %8s %8s %9s %8s\n' run wall resolve pull unpack content oscap report summary ready "RSS(MB)" exit
for i in $(seq $((1 - WARMUP)) "$RUNS"); do
  work="$WORK_ROOT/run-$i"
  set +e
  /usr/bin/time -f '%e %M' -o "$BENCH_DIR/time-$i.txt" "$inspector" --image="$image" --scan-type=openscap \
    --insecure-registry="http://127.0.0.1:$port" --work-dir="$work" --scan-results-dir="$work/results" \
    --openscap-html-report --cve-feed-policy=disabled --pull-policy=always > "$work.out" 2> "$work.err"
  rc=$?
  set -e
  read -r wall rss < "$BENCH_DIR/time-$i.txt"
  python3 - "$work/results/metadata.json" "$i" "$wall" "$rss" "$rc" <<'PY'
import json, sys
m = json.load(open(sys.argv[1])); t = m["Timings"]
print("%-4s %8s %8.2f %8.2f %8.2f %8.2f %8.2f %8.2f %8.2f %8.2f %9d %8s" % (sys.argv[2], sys.argv[3], t["Resolve"], t["Pull"], t["Unpack"], t["Content"], t["Oscap"], t["Report"], t["Summary"], t["Ready"], int(sys.argv[4]) // 1024, sys.argv[5]))
PY
done

# Floor for comparison, same run: GNU tar extracting the same layer blob (no checks, no limits).
blob=$(find "$reg/data/docker/registry/v2/blobs" -name data -size +1M | head -n 1)
mkdir -p "$WORK_ROOT/tar-floor"; sync
/usr/bin/time -f '%e' -o "$BENCH_DIR/tar-time.txt" tar -xzf "$blob" -C "$WORK_ROOT/tar-floor" --numeric-owner 2>/dev/null || true
log "tar -xzf of the same layer: $(cat "$BENCH_DIR/tar-time.txt") s; load average: $(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$BENCH_DIR" "$RUNS" "$WORK_ROOT" <<'PY'
import json, sys
d, n, w = sys.argv[1], int(sys.argv[2]), sys.argv[3]
rows = []
for i in range(1, n + 1):
    t = json.load(open(f"{w}/run-{i}/results/metadata.json"))["Timings"]
    wall = float(open(f"{d}/time-{i}.txt").read().split()[0])
    rows.append((wall, t))
mean = lambda k: sum(r[1][k] for r in rows) / n
wall = sum(r[0] for r in rows) / n
oscap, report = mean("Oscap"), mean("Report")
start = wall - mean("Total")  # process start-up and exit, outside the scanner's clock
print(f"mean wall {wall:.2f} s: start-up+exit {start:.2f}, resolve {mean('Resolve'):.2f}, pull {mean('Pull'):.2f}, unpack {mean('Unpack'):.2f}, "
      f"acquire {mean('Acquire'):.2f}, content {mean('Content'):.2f}, oscap eval {oscap:.2f}, oscap HTML report {report:.2f}, "
      f"summary {mean('Summary'):.2f} (beside the HTML report)")
other = wall - oscap - report
print(f"whole scan (ARF, summary and HTML report, all the bridge fetches): {wall:.2f} s; oscap itself (eval + report) {oscap + report:.2f} s; "
      f"everything but oscap = {other:.2f} s = {100 * other / wall:.1f} % (target < 25 %)")
ready = start + mean("Ready")
print(f"until the ARF and summary are ready (serve mode's /readyz; no HTML): {ready:.2f} s; everything but oscap eval = "
      f"{ready - oscap:.2f} s = {100 * (ready - oscap) / ready:.1f} %")
PY
# tmpfs is memory: give it back.
if [ "$WORK_ROOT" != "$BENCH_DIR" ]; then rm -rf "$WORK_ROOT"; fi
