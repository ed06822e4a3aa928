#!/usr/bin/env bash
# The summary pass as whole processes, side by side in one run (issue 17, item 3): the bridge's
# `report summarize FILE --format json` as its container ships it (self-contained ReadyToRun publish,
# manifests/bridge/Containerfile), `xmllint --stream --noout FILE` (the peer) and a bare XmlReader read loop
# process (the benchmark exe's readloop mode: the floor of any XmlReader-based summary), each run RUNS times in
# turn. Prints the median wall time, its ratio to xmllint's, the mean CPU time and the peak working set (max RSS).
# The ARF is made once by the benchmark exe's generate mode (real oscap, Debian 12 SSG, 31 000-definition feed).
# Needs the packages of tests/setup.sh (openscap-scanner, ssg-debian, libxml2-utils, time, bzip2).
# Usage: tests/benchmarks/summary-processes.sh [ARF]     (RUNS=7, BENCH_DIR=/var/tmp/miq-summary-bench)
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${RUNS:-7}
BENCH_DIR=${BENCH_DIR:-/var/tmp/miq-summary-bench}
ARF=${1:-$BENCH_DIR/arf-large.xml}
log() { printf 'bench: %s\n' "$*" >&2; }
mkdir -p "$BENCH_DIR"

dotnet build tests/ManageIQ.OpenScap.Scap.Benchmarks -c Release -nologo -v q -clp:ErrorsOnly >&2
bench=tests/ManageIQ.OpenScap.Scap.Benchmarks/bin/Release/net10.0/ManageIQ.OpenScap.Scap.Benchmarks.dll
if [ ! -s "$ARF" ]; then
  log "generating $ARF (oscap with a 31 000-definition feed; about 1 minute)"
  dotnet "$bench" generate --definitions 31000 --output "$ARF"
fi
dotnet publish src/ManageIQ.OpenScap.Bridge/ManageIQ.OpenScap.Bridge.csproj -c Release -r linux-x64 --self-contained true \
  -p:PublishReadyToRun=true -o "$BENCH_DIR/bridge" -nologo -v q -clp:ErrorsOnly >&2
bridge="$BENCH_DIR/bridge/ManageIQ.OpenScap.Bridge"

# The summary must count what grep counts, or its speed means nothing.
"$bridge" report summarize "$ARF" --format json > "$BENCH_DIR/summary.json"
python3 - "$BENCH_DIR/summary.json" "$(grep -c '<rule-result ' "$ARF")" "$(grep -c '<result>fail</result>' "$ARF")" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
rules, failed = int(sys.argv[2]), int(sys.argv[3])
if (s["ruleResults"], s["results"].get("fail", 0)) != (rules, failed):
    sys.exit(f"summary counts {s['ruleResults']} rule-results, {s['results'].get('fail', 0)} failed; grep counts {rules}, {failed}")
print(f"bench: counts equal grep's: {rules} rule-results, {failed} failed, {len(s['cves'])} CVEs", file=sys.stderr)
PY

# name|command. The bridge's runtime settings (its runtimeconfig.json) are given to the read loop too, so that it
# is the floor of the same runtime; the last two rows show the default tiering (environment overrides runtimeconfig;
# DOTNET_ numbers are hexadecimal: 2000 is the bridge's 8192 calls, 64 the default 100 ms, 1E the default 30 calls).
default_tiering=(env DOTNET_TieredPGO=1 DOTNET_TC_CallCountingDelayMs=64 DOTNET_TC_CallCountThreshold=1E)
commands=(
  "xmllint --stream --noout|xmllint --stream --noout $ARF"
  "bridge report summarize --format json|$bridge report summarize $ARF --format json"
  "bare XmlReader loop (bridge's tiering)|env DOTNET_TieredPGO=0 DOTNET_TC_CallCountingDelayMs=0 DOTNET_TC_CallCountThreshold=2000 dotnet $bench readloop $ARF"
  "bridge, default tiering|${default_tiering[*]} $bridge report summarize $ARF --format json"
  "bare XmlReader loop, default tiering|dotnet $bench readloop $ARF"
)
log "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $RUNS runs of each, in turn; $(stat -c %s "$ARF") bytes"
rm -f "$BENCH_DIR"/times-*.txt
for run in $(seq "$RUNS"); do
  for i in "${!commands[@]}"; do
    # shellcheck disable=SC2086 # the command is split on purpose
    /usr/bin/time -a -o "$BENCH_DIR/times-$i.txt" -f '%e %U %S %M' ${commands[$i]#*|} > /dev/null
  done
done
log "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

names=()
for c in "${commands[@]}"; do names+=("${c%%|*}"); done
python3 - "$BENCH_DIR" "${names[@]}" <<'PY'
import statistics, sys
d, names = sys.argv[1], sys.argv[2:]
rows = []
for i, name in enumerate(names):
    t = [list(map(float, line.split())) for line in open(f"{d}/times-{i}.txt") if line[0].isdigit()]
    rows.append((name, statistics.median(r[0] for r in t), statistics.mean(r[1] + r[2] for r in t), max(r[3] for r in t) / 1024, len(t)))
base = rows[0][1]
print(f"| process ({rows[0][4]} runs each, in turn) | median wall | ratio to xmllint | mean CPU (user+sys) | peak working set |")
print("|---|---|---|---|---|")
for name, wall, cpu, rss, _ in rows:
    print(f"| {name} | {wall:.2f} s | {wall / base:.2f}x | {cpu:.2f} s | {rss:.0f} MB |")
PY
