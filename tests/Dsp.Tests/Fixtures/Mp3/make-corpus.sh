#!/usr/bin/env bash
# Rebuilds the MP3 test corpus from synthetic signals (no recorded audio) and the mpg123 reference decodes.
# Needs python3 with numpy (or PYTHON=/path/to/python3), lame, mpg123 and gzip. Run from this folder: ./make-corpus.sh
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Source signal: a chord, a sweep and noise bursts with sharp onsets (they force short blocks), different
# left and right content so mid/side coding has something to do.
signal() { # rate channels seconds out.wav
  "${PYTHON:-python3}" - "$@" <<'PY'
import sys, wave, numpy as np
rate, channels, seconds, out = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
t = np.arange(int(rate * seconds)) / rate
rng = np.random.default_rng(7)
left = 0.25 * np.sin(2 * np.pi * 440 * t) + 0.15 * np.sin(2 * np.pi * 660 * t)
left += 0.1 * np.sin(2 * np.pi * (200 + 3000 * t) * t)
burst = np.zeros_like(t)
for start in np.arange(0.05, seconds, 0.17):
    i = int(start * rate); n = int(0.03 * rate)
    burst[i:i + n] = rng.standard_normal(len(burst[i:i + n])) * np.exp(-np.arange(len(burst[i:i + n])) / (0.008 * rate))
left += 0.4 * burst
right = 0.2 * np.sin(2 * np.pi * 550 * t + 0.3) + 0.3 * burst + 0.05 * rng.standard_normal(len(t))
data = np.stack([left, right], axis=1)[:, :channels]
pcm = (np.clip(data, -1, 1) * 32767).astype('<i2')
with wave.open(out, 'wb') as w:
    w.setnchannels(channels); w.setsampwidth(2); w.setframerate(rate); w.writeframes(pcm.tobytes())
PY
}

encode() { # name rate channels seconds lame-options...
  local name=$1 rate=$2 channels=$3 seconds=$4; shift 4
  signal "$rate" "$channels" "$seconds" "$work/$name.wav"
  lame --quiet "$@" "$work/$name.wav" "$name.mp3"
}

encode mpeg1-44k-joint-cbr128 44100 2 0.6 -b 128 -m j
encode mpeg1-48k-stereo-cbr320 48000 2 0.5 -b 320 -m s
encode mpeg1-32k-mono-cbr64 32000 1 0.6 -b 64 -m m
encode mpeg1-44k-forced-ms-crc 44100 2 0.5 -b 160 -m f -p
encode mpeg1-44k-dual-channel 44100 2 0.5 -b 192 -m d
encode mpeg1-44k-vbr-v2 44100 2 0.6 -V 2
encode mpeg1-44k-no-xing 44100 2 0.5 -b 128 -t
encode mpeg1-44k-mono-no-xing 44100 1 0.4 -b 64 -m m -t
encode mpeg1-44k-free-format 44100 2 0.5 -b 128 --freeformat
encode mpeg1-44k-no-reservoir 44100 2 0.5 -b 128 --nores
encode mpeg2-22k-joint-cbr48 22050 2 0.8 -b 48 -m j
encode mpeg2-24k-stereo-vbr 24000 2 0.8 -V 4 -m s
encode mpeg2-16k-mono-cbr32 16000 1 0.8 -b 32 -m m
encode mpeg25-11k-joint-cbr24 11025 2 1.0 -b 24 -m j
encode mpeg25-12k-mono-cbr16 12000 1 1.0 -b 16 -m m
encode mpeg25-8k-mono-cbr8 8000 1 1.2 -b 8 -m m

# Main data that begins before the file does: drop the first frames of a stream without Xing.
"${PYTHON:-python3}" - <<'PY'
data = open('mpeg1-44k-no-xing.mp3', 'rb').read()
rates = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320]
pos, frames = 0, []
while pos + 4 <= len(data) and len(frames) < 6:
    frames.append(pos)
    pos += 144000 * rates[data[pos + 2] >> 4] // 44100 + (data[pos + 2] >> 1 & 1)
open('mpeg1-44k-cut-reservoir.mp3', 'wb').write(data[frames[5]:])
PY

for mp3 in *.mp3; do
  mpg123 -q -e f32 -s "$mp3" | gzip -9 -n > "${mp3%.mp3}.mpg123.f32.gz"
done
du -ch ./* | tail -1
