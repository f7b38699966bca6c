#!/usr/bin/env bash
# C-STORE ingest, Teleread against Orthanc: DCMTK's storescu (TCP_NODELAY=1, each file's own transfer syntax, one
# association per set) sends a generated 300-slice 512x512 16-bit CT series and 2,000 small instances to
# `teleread demo` (temp data dir, SQLite, calling AE DEMO_CLINIC_A) and to Orthanc (Debian, SQLite index, temp
# storage, TCP_NODELAY=1), each started fresh per run on free loopback ports. Teleread runs twice per round: as
# configured by default (two storage sites, both on this disk, both durable before the answer) and with one site (the
# durability Orthanc gives: one fsynced copy and the index), so the cost of the second copy on one disk is visible.
# A third set, "small x4", is four storescu at once, each with 500 small instances of a study of its own (a clinic hub
# receiving from several modalities): what the server does with concurrent associations, which one sender never shows.
# Prints instances/s and MB/s (median of RUNS runs), the ratios to Orthanc, and the CPU seconds each server used per
# set (less sensitive to a busy machine).
# Usage: bench/dimse-ingest.sh [DATA_DIR]   (env RUNS, default 3; KEEP=1 keeps the temp dirs)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data="${1:-${TMPDIR:-/tmp}/teleread-dicom-bench}"
runs="${RUNS:-3}"
for tool in storescu echoscu Orthanc gcc bc; do
  command -v "$tool" >/dev/null || { echo "$tool missing: run .ci/prepare (dcmtk, orthanc, gcc, bc)" >&2; exit 1; }
done
work="$(mktemp -d "${TMPDIR:-/tmp}/teleread-dimse-bench.XXXXXX")"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ "${KEEP:-0}" = 1 ] || rm -rf "$work"
}
trap cleanup EXIT
export TCP_NODELAY=1

# Inputs (reused when present) and the tools.
project="$root/bench/Teleread.Dicom.Benchmarks"
dotnet build "$project" -c Release -v q -nologo -clp:ErrorsOnly >/dev/null
dotnet "$project/bin/Release/net10.0/Teleread.Dicom.Benchmarks.dll" --generate "$data"
"$root/teleread" --help >/dev/null
# A warm-up set (copies of 200 small files and 60 CT slices under new UIDs) is stored into every server before it is
# timed, and the timing starts 2 s later, so the figures are those of a running server, not of a process still compiling
# its code (Teleread's JIT, Orthanc's caches) — the same for both peers. .NET compiles a method again, optimised, after
# 30 calls and a pause of 100 ms without new compilations, on a background thread: with 20 CT slices and no pause the
# CT set was timed partly on unoptimised code (12 % slower than the same set sent again to the same process).
# The four senders' sets: 500 of the small files each, a study apiece.
[ "$(find "$data/warmup" -name '*.dcm' 2>/dev/null | wc -l)" = 260 ] && [ -d "$data/senders" ] || /usr/bin/python3 - "$data" <<'PY'
import os, shutil, sys, pydicom
from pydicom.uid import generate_uid
data = sys.argv[1]
small = [os.path.join(data, "small", n) for n in sorted(os.listdir(os.path.join(data, "small")))]
ct = [os.path.join(data, "ct", n) for n in sorted(os.listdir(os.path.join(data, "ct")))]
def copy_as_new_study(files, out):  # files: (path, series number); every copy gets new UIDs (at most 64 characters)
    shutil.rmtree(out, ignore_errors=True); os.makedirs(out)
    study, series_uids = generate_uid(), {}
    for i, (src, series) in enumerate(files):
        ds = pydicom.dcmread(src)
        ds.StudyInstanceUID = study
        ds.SeriesInstanceUID = series_uids.setdefault(series, generate_uid())
        ds.SOPInstanceUID = ds.file_meta.MediaStorageSOPInstanceUID = generate_uid()
        ds.save_as(os.path.join(out, "%05d.dcm" % i), write_like_original=True)
copy_as_new_study([(f, 1) for f in small[:200]] + [(f, 2) for f in ct[:60]], os.path.join(data, "warmup"))
for sender in range(1, 5):
    copy_as_new_study([(f, 1) for f in small[(sender - 1) * 500:sender * 500]], os.path.join(data, "senders", "s%d" % sender))
PY
gcc -shared -fPIC -o "$work/loopback-bind.so" "$root/tools/test/loopback-bind.c" -ldl
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_echo() { # AET AEC PORT
  for _ in $(seq 1 600); do echoscu -aet "$1" -aec "$2" 127.0.0.1 "$3" >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "no C-ECHO answer from $2 on port $3" >&2; return 1
}
stop() { kill "$1"; wait "$1" 2>/dev/null || true; }

start_teleread() { # DIR -> sets dport, pid
  dport=$(free_port)
  "$root/teleread" demo --data "$1" --urls "http://127.0.0.1:$(free_port)" --dicom-port "$dport" > "$1.log" 2>&1 &
  pid=$!; pids+=("$pid")
  wait_echo DEMO_CLINIC_A TELEREAD "$dport"
}
start_teleread1() { # DIR -> sets dport, pid: one storage site instead of the default two
  Storage__Sites__0__Name=one Storage__Sites__0__Path="$1/storage/one" start_teleread "$1"
}
start_orthanc() { # DIR -> sets dport, pid
  dport=$(free_port)
  mkdir -p "$1"
  cat > "$1/orthanc.json" <<JSON
{ "Name": "bench", "StorageDirectory": "$1/storage", "IndexDirectory": "$1/index", "HttpPort": $(free_port),
  "DicomServerEnabled": true, "DicomAet": "ORTHANC", "DicomPort": $dport, "RemoteAccessAllowed": false,
  "AuthenticationEnabled": false, "Plugins": [] }
JSON
  LD_PRELOAD="$work/loopback-bind.so" Orthanc "$1/orthanc.json" > "$1.log" 2>&1 &
  pid=$!; pids+=("$pid")
  wait_echo DEMO_CLINIC_A ORTHANC "$dport"
}
store() { # AEC PORT SET -> prints seconds
  local start end
  start=$(date +%s.%N)
  storescu -R -aet DEMO_CLINIC_A -aec "$1" +sd 127.0.0.1 "$2" "$data/$3" > "$work/storescu.log" 2>&1 \
    || { echo "storescu to $1 failed:" >&2; tail -5 "$work/storescu.log" >&2; exit 1; }
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}
store_concurrently() { # AEC PORT -> prints seconds for the four senders' sets sent at once
  local start end k failed=0 senders=()
  start=$(date +%s.%N)
  for k in 1 2 3 4; do
    storescu -R -aet DEMO_CLINIC_A -aec "$1" +sd 127.0.0.1 "$2" "$data/senders/s$k" > "$work/storescu-$k.log" 2>&1 & senders+=($!)
  done
  for k in "${!senders[@]}"; do wait "${senders[$k]}" || { failed=1; tail -5 "$work/storescu-$((k + 1)).log" >&2; }; done
  end=$(date +%s.%N)
  [ "$failed" = 0 ] || { echo "a concurrent storescu to $1 failed" >&2; exit 1; }
  echo "$end - $start" | bc -l
}
cpu() { awk '{printf "%.2f", ($14 + $15) / 100}' "/proc/$1/stat"; } # user+system CPU seconds of a server
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

declare -A seconds cpus sec
for run in $(seq 1 "$runs"); do
  for peer in teleread teleread1 orthanc; do
    "start_$peer" "$work/$peer-$run"
    if [ "$peer" = orthanc ]; then aec=ORTHANC; else aec=TELEREAD; fi
    store "$aec" "$dport" warmup > /dev/null
    sleep 2
    for set in ct small senders; do
      before=$(cpu "$pid")
      if [ "$set" = senders ]; then took=$(store_concurrently "$aec" "$dport"); else took=$(store "$aec" "$dport" "$set"); fi
      seconds[$peer-$set]+="$took "
      cpus[$peer-$set]+="$(echo "$(cpu "$pid") - $before" | bc -l) "
    done
    stop "$pid"
  done
done

rate() { echo "$1 / $2" | bc -l; } # amount seconds
printf '\n%-8s %6s %7s | %-18s | %-18s | %-18s | %s\n' set files MB "teleread, 2 sites" "teleread, 1 site" "orthanc" \
  "ratio to orthanc (2 sites / 1 site)"
printf '%-8s %6s %7s | %-18s | %-18s | %-18s |\n' "" "" "" "inst/s      MB/s" "inst/s      MB/s" "inst/s      MB/s"
for set in ct small senders; do
  files=$(find "$data/$set" -name '*.dcm' | wc -l)
  mb=$(find "$data/$set" -name '*.dcm' -printf '%s\n' | awk '{s+=$1} END {printf "%.1f", s/1e6}')
  label=$set; [ "$set" = senders ] && label="small x4"
  line=$(printf '%-8s %6d %7.1f' "$label" "$files" "$mb")
  for peer in teleread teleread1 orthanc; do
    sec[$peer]=$(echo "${seconds[$peer-$set]}" | tr ' ' '\n' | grep . | median)
    line+=$(printf ' | %6.0f %11.1f' "$(rate "$files" "${sec[$peer]}")" "$(rate "$mb" "${sec[$peer]}")")
  done
  printf '%s | %.2fx / %.2fx\n' "$line" "$(rate "${sec[orthanc]}" "${sec[teleread]}")" "$(rate "${sec[orthanc]}" "${sec[teleread1]}")"
done
# The disk's speed drifts by ±15 % over minutes; each run times the three servers within about a minute, so the ratio
# within a run is steadier than the ratio of medians above.
paired() { # SET PEER -> median over runs of orthanc's seconds / PEER's seconds
  paste -d' ' <(echo "${seconds[orthanc-$1]}" | tr ' ' '\n' | grep .) <(echo "${seconds[$2-$1]}" | tr ' ' '\n' | grep .) \
    | awk '{print $1 / $2}' | median
}
printf 'ratio to orthanc within each run (median over runs, 2 sites / 1 site):'
for set in ct small senders; do printf '  %s %.2fx / %.2fx' "$set" "$(paired "$set" teleread)" "$(paired "$set" teleread1)"; done
echo
echo "server CPU seconds per set (median): $(for k in teleread-ct teleread1-ct orthanc-ct teleread-small teleread1-small orthanc-small teleread-senders teleread1-senders orthanc-senders; do printf '%s %s  ' "$k" "$(echo "${cpus[$k]}" | tr ' ' '\n' | grep . | median)"; done)"
echo "(median of $runs run(s); seconds per run: $(for k in "${!seconds[@]}"; do printf '%s=[%s] ' "$k" "${seconds[$k]% }"; done))"
