#!/usr/bin/env bash
# Idempotent: installs only what is missing. Needs root and apt (Debian 12); elsewhere it says
# what it would have installed and leaves the tests to skip.
set -euo pipefail
packages=(mpg123 lame ffmpeg chromium)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "missing test tools: ${missing[*]} (install them with apt to run every test)" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
