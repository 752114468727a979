#!/usr/bin/env bash
# Collects the audio of the tempo/key evaluation lists from repository snapshots (the search
# tool's `fetch`: mattciff5/genre-to-fmri, mir-dataset-loaders/mirdata, mic-tae/mshoxxdb,
# rpmci/AugmentedGiantSteps) into two folders that `bench tempokey --audio` reads. Needs ffmpeg.
# usage: collect-evaluation-audio.sh [MIRRORS=/work/.mirror] [OUT=/tmp]
#   -> OUT/tk-eval (annotations.csv) and OUT/gs-first (annotations-giantsteps-first-segments.csv; also the audio of
#      training/EvaluationSets/giantsteps-first-segments.csv, the model's family check on these previews)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
mirrors=${1:-/work/.mirror}
out=${2:-/tmp}
show() { git -C "$mirrors/$1/repo" show "HEAD:$2"; }
mkdir -p "$out/tk-eval" "$out/gs-first"

tail -n +2 "$here/annotations.csv" | cut -d, -f1,2 | while IFS=, read -r id collection; do
  case $collection in
    gtzan)
      if [[ $id == country.00000 ]]; then
        show mir-dataset-loaders+mirdata "tests/resources/mir_datasets/gtzan_genre/gtzan_genre/genres/country/$id.wav" > "$out/tk-eval/$id.wav"
      else
        show mattciff5+genre-to-fmri "genres_original/${id%%.*}/$id.wav" > "$out/tk-eval/$id.wav"
      fi ;;
    ballroom) show mir-dataset-loaders+mirdata "tests/resources/mir_datasets/ballroom/B_1.0/audio/Waltz/${id#ballroom-}.wav" > "$out/tk-eval/$id.wav" ;;
    hainsworth) show mir-dataset-loaders+mirdata "tests/resources/mir_datasets/hainsworth/H_1.0/audio/${id#hainsworth-}.flac" > "$out/tk-eval/$id.flac" ;;
    mshoxxdb)
      # mshoxxdb-08-beneath -> demo/Beneath_(8).mp3
      number=$(echo "$id" | cut -d- -f2 | sed 's/^0//')
      title=$(echo "$id" | cut -d- -f3- | sed -E 's/(^|-)([a-z])/\1\u\2/g; s/-/_/g; s/_Is_A_/_is_a_/')
      show mic-tae+mshoxxdb "demo/${title}_($number).mp3" > "$out/tk-eval/$id.mp3" ;;
  esac
done

# GiantSteps previews: the first key segment of each (before the first sox pitch bend), stream-copied.
tail -n +2 "$here/annotations-giantsteps-first-segments.csv" | while IFS= read -r line; do
  id=${line%%,*}
  seconds=${line##*,}
  show rpmci+AugmentedGiantSteps "data_200 part 1/$id-0.LOFI.mp3" > "$out/gs-first/source.mp3"
  ffmpeg -nostdin -v error -y -i "$out/gs-first/source.mp3" -t "$seconds" -c copy "$out/gs-first/$id.mp3"
done
rm -f "$out/gs-first/source.mp3"
echo "$(ls "$out/tk-eval" | wc -l) recordings in $out/tk-eval, $(ls "$out/gs-first" | wc -l) in $out/gs-first"
