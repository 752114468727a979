"""Baseline for the tempo and key evaluation: librosa 0.10.1 beat_track tempo, and the classic
chroma_stft + Krumhansl-Kessler key (mean chroma correlated with the 24 rotated profiles).

Reads one path per line on stdin (raw mono float32 little-endian at 22,050 Hz, as the bench
writes them) and prints "path<TAB>bpm<TAB>tonic<TAB>minor" (tonic 0 = C). Needs LIBROSA_SRC
(see ../shared/dsp-reference/setup-librosa.sh) and LIBROSA_SHIM (its shim folder).
"""
import os
import sys

sys.path[:0] = [os.environ["LIBROSA_SRC"], os.environ["LIBROSA_SHIM"]]
import numpy as np  # noqa: E402
import librosa  # noqa: E402

MAJOR = np.array([6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88])
MINOR = np.array([6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17])


def krumhansl_key(chroma):
    profile = chroma.mean(axis=1)
    best = (-2.0, -1, 0)
    for tonic in range(12):
        for minor, template in ((0, MAJOR), (1, MINOR)):
            r = np.corrcoef(profile, np.roll(template, tonic))[0, 1]
            if np.isfinite(r) and r > best[0]:
                best = (r, tonic, minor)
    return best[1], best[2]


for line in sys.stdin:
    path = line.strip()
    if not path:
        continue
    y = np.fromfile(path, dtype="<f4")
    tempo, _ = librosa.beat.beat_track(y=y, sr=22050)
    tonic, minor = krumhansl_key(librosa.feature.chroma_stft(y=y, sr=22050))
    print(f"{path}\t{float(np.atleast_1d(tempo)[0]):.3f}\t{tonic}\t{minor}", flush=True)
