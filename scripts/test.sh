#!/usr/bin/env bash
# The one command that runs every test: installs the tools the tests compare against
# (when run as root on Debian), then runs the whole solution's tests.
# Tests that need a missing tool or ../shared skip with a message saying what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-test-tools.sh || echo "note: could not install test tools; tests that need them will skip" >&2
dotnet test GenreOrleans.sln -c Release --logger "console;verbosity=normal" "$@"
