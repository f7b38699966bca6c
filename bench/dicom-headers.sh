#!/usr/bin/env bash
# Compares reading the headers (stop before Pixel Data) of a generated 300-slice 512x512 CT series and 2,000 small
# instances: Teleread's reader (one process) against DCMTK's dcmdump (one process per set, all files as arguments).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data="${1:-${TMPDIR:-/tmp}/teleread-dicom-bench}"
project="$root/bench/Teleread.Dicom.Benchmarks"
command -v dcmdump >/dev/null || { echo "dcmdump missing: apt-get install dcmtk" >&2; exit 1; }
dotnet build "$project" -c Release -v q --nologo >/dev/null
exe="dotnet $project/bin/Release/net10.0/Teleread.Dicom.Benchmarks.dll"
$exe --generate "$data"
for set in ct small; do
  ours=$($exe --time "$data" "$set")
  start=$(date +%s.%N)
  find "$data/$set" -name '*.dcm' -print0 | sort -z | xargs -0 dcmdump -q +sb PixelData > /dev/null
  end=$(date +%s.%N)
  theirs=$(echo "$end - $start" | bc -l)
  files=$(find "$data/$set" -name '*.dcm' | wc -l)
  printf '%-6s %5d files  teleread %.3f s  dcmdump %.3f s  ratio dcmdump/teleread %.1fx\n' "$set" "$files" "$ours" "$theirs" "$(echo "$theirs / $ours" | bc -l)"
done
