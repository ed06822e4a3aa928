#!/bin/sh
# Feed slimming's benchmark (docs/feed-slimming.md): the feed-attributable cost of oscap (the scan with the CVE feed
# minus the scan without it), slimmed against whole, side by side in one run, for the 30,000-definition worst case and
# a feed shaped like Debian's archive, on the Debian 12 minbase root with the SSG Debian 12 standard profile.
# Needs oscap, GNU time, mmdebstrap (for the root, built once) and the SSG content (tests/setup.sh).
# Usage: tests/benchmarks/feed-slimming.sh [--definitions N] [--runs R] [--work DIR]
set -eu
cd "$(dirname "$0")/../.."
dotnet build tests/ManageIQ.OpenScap.Oval.Benchmarks -c Release --nologo -v quiet
exec dotnet tests/ManageIQ.OpenScap.Oval.Benchmarks/bin/Release/net10.0/ManageIQ.OpenScap.Oval.Benchmarks.dll run "$@"
