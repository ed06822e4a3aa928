#!/usr/bin/env bash
# The one test command: installs what is missing, builds, runs every test project, and prints
# "N passed, N failed[, N skipped]" as its last line. Needs root on a fresh Debian 12 machine.
# The container images are built by tests/containers.sh, which tests/ManageIQ.OpenScap.Containers.Tests runs first:
# a failed build fails that project's tests, and no podman at all skips them with the reason, in the counts below.
set -uo pipefail
cd "$(dirname "$0")/.."

if ! bash tests/setup.sh; then
  echo "set-up failed"; echo "0 passed, 1 failed"; exit 1
fi

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
if ! dotnet build ManageIQ.OpenScap.sln -c Release -nologo -v q -clp:ErrorsOnly; then
  echo "build failed"; echo "0 passed, 1 failed"; exit 1
fi
dotnet test ManageIQ.OpenScap.sln -c Release --no-build -nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" "$@"
rc=$?

passed=0; failed=0; skipped=0; files=0
for f in "$results"/*.trx; do
  [ -e "$f" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$f" | head -n 1)
  get() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done
# A test project that crashed writes no results file: count it as a failure, never as a pass.
if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
if [ "$files" -eq 0 ]; then failed=$((failed + 1)); fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
