#!/usr/bin/env bash
# Builds the libqm-dsp baseline harness (needs the Debian package libqm-dsp-dev).
# usage: build-qm-harness.sh [OUT=/tmp/qm_tempo_key]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
g++ -O2 -std=c++17 -I/usr/include/qm-dsp -o "${1:-/tmp/qm_tempo_key}" "$here/qm_tempo_key.cpp" -lqm-dsp
