#!/usr/bin/env bash
# The README's main command, wrapped: installs the prerequisites (tests/setup.sh), builds the bridge, and runs
# `bridge demo` (docs/demo.md). Arguments go to the verb: --work-dir DIR, --reset, --plain.
# Needs root on a Debian 12 machine with the .NET SDK. A second run reuses the first's images, feed and store.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tests/setup.sh
dotnet build src/ManageIQ.OpenScap.Bridge -c Release -nologo -v q -clp:ErrorsOnly
exec dotnet src/ManageIQ.OpenScap.Bridge/bin/Release/net10.0/ManageIQ.OpenScap.Bridge.dll demo "$@"
