#!/usr/bin/env bash
# The one command that runs every test: installs the tools the tests compare against
# (when run as root on Debian), then runs the whole solution's tests and prints one summary line.
# Tests that need a missing tool or ../shared skip with a message saying what is missing.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-test-tools.sh || echo "note: could not install test tools; tests that need them will skip" >&2
results=$(mktemp -d)
dotnet test GenreOrleans.sln -c Release --logger "trx" --results-directory "$results" "$@"
status=$?
# One closing line over all test projects, read from the TRX files.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*' "$trx")
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters"); e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
done
rm -rf "$results"
echo "Tests: $passed passed, $failed failed, $skipped skipped"
exit $status
