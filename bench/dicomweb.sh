#!/usr/bin/env bash
# Teleread against Orthanc 1.10 + its DICOMweb plugin on this machine, in one run:
#   STOW-RS ingest (500 small instances, a 300-slice 512x512 CT, multipart batches),
#   WADO-RS of the whole CT series (one untimed retrieve, then the median of 5: seconds, MB/s, server RSS sampled from
#   /proc/PID/status during the retrieves),
#   QIDO-RS study search p50/p99 and STUDY-level C-FIND (Teleread's SCU, NoDelay) on an index of $STUDIES studies,
#   on SQLite and on PostgreSQL; Orthanc's QIDO-RS on $ORTHANC_STUDIES studies loaded through STOW-RS.
# Usage: bench/dicomweb.sh [WORK_DIR]   (env: STUDIES=100000 ORTHANC_STUDIES=5000 ROUNDS=200 TELEREAD_BENCH_POSTGRES=…)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:-${TMPDIR:-/tmp}/teleread-dicomweb-bench}"
studies="${STUDIES:-100000}"
orthanc_studies="${ORTHANC_STUDIES:-5000}"
rounds="${ROUNDS:-200}"
pg_admin="${TELEREAD_BENCH_POSTGRES:-Host=127.0.0.1;Port=5432;Username=teleread;Password=teleread;Database=postgres}"
command -v Orthanc >/dev/null || { echo "Orthanc missing: apt-get install orthanc orthanc-dicomweb" >&2; exit 1; }
export TCP_NODELAY=1
mkdir -p "$work"
project="$root/bench/Teleread.Archive.Benchmarks"
dotnet build "$project" -c Release -v q -nologo -clp:ErrorsOnly >/dev/null
tool() { dotnet "$project/bin/Release/net10.0/Teleread.Archive.Benchmarks.dll" "$@"; }
"$root/teleread" --help >/dev/null # builds the CLI once
[ -d "$work/data/warmup" ] || /usr/bin/python3 "$root/bench/dicomweb-data.py" "$work/data"
[ -d "$work/data/qido-$orthanc_studies" ] || tool files "$work/data/qido-$orthanc_studies" "$orthanc_studies"
ct_study=2.25.70029999
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_http() { for _ in $(seq 600); do curl -sf -o /dev/null "$1" && return 0; sleep 0.2; done; echo "no answer from $1" >&2; exit 1; }
field() { awk -v k="$1" '$1 == k { print $2 }'; }   # "stow N s inst/s MB/s" lines → one column
kib() { awk '/^'"$2"':/ { print $2 }' "/proc/$1/status"; }

# Samples VmRSS every 20 ms while the given command runs; prints "<command output> rss_before_MB peak_rss_MB hwm_MB".
with_rss() {
  local pid=$1; shift
  local before; before=$(kib "$pid" VmRSS)
  ( peak=0; while kill -0 "$pid" 2>/dev/null && [ ! -f "$work/.stop" ]; do r=$(kib "$pid" VmRSS); [ "$r" -gt "$peak" ] && peak=$r; sleep 0.02; done; echo "$peak" > "$work/.peak" ) &
  local sampler=$!
  local out; out=$("$@")
  touch "$work/.stop"; wait "$sampler"; rm -f "$work/.stop"
  echo "$out $((before / 1024)) $(($(cat "$work/.peak") / 1024)) $(($(kib "$pid" VmHWM) / 1024))"
}

# --- Teleread ------------------------------------------------------------------------------------------------------------
start_teleread() { # DATA_DIR [--database postgres --connection-string CS]
  local data=$1; shift
  http_port=$(free_port); dicom_port=$(free_port)
  "$root/teleread" demo --data "$data" --urls "http://127.0.0.1:$http_port" --dicom-port "$dicom_port" --dicom-bind 127.0.0.1 "$@" \
    > "$data.log" 2>&1 &
  teleread_pid=$!; pids+=("$teleread_pid")
  wait_http "http://127.0.0.1:$http_port/readyz"
  for _ in $(seq 600); do [ -s "$data/demo-credentials.json" ] && break; sleep 0.2; done # written once the demo is seeded
  base="http://127.0.0.1:$http_port/dicomweb"
  token=$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["clinics"][0]["apiToken"])' "$data/demo-credentials.json")
  clinics=$(/usr/bin/python3 -c 'import json,sys; print(",".join(c["id"] for c in json.load(open(sys.argv[1]))["clinics"]))' "$data/demo-credentials.json")
}
stop_teleread() { kill "$teleread_pid"; wait "$teleread_pid" 2>/dev/null || true; }

search_at_scale() { # LABEL PROVIDER CONNECTION DATA_DIR [server flags…]
  local label=$1 provider=$2 connection=$3 data=$4; shift 4
  start_teleread "$data" "$@"; stop_teleread
  tool seed "$provider" "$connection" "$clinics" "$studies" | tee "$work/seed-$label.txt"
  start_teleread "$data" "$@"
  tool qido "$base" "$token" "$studies" "$rounds" | tee "$work/qido-$label.txt"
  tool cfind 127.0.0.1 "$dicom_port" TELEREAD DEMO_CLINIC_A "$studies" "$rounds" | tee "$work/cfind-$label.txt"
  stop_teleread
}

rm -rf "$work/teleread" "$work/teleread-pg" "$work/orthanc"
start_teleread "$work/teleread"
tool stow "$base" "$token" "$work/data/warmup" 50 > /dev/null # untimed: a running server, not one still compiling
t_small=$(tool stow "$base" "$token" "$work/data/small" 50)
t_ct=$(tool stow "$base" "$token" "$work/data/ct" 30)
t_wado=$(with_rss "$teleread_pid" tool wado "$base" "$token" "$ct_study" "$ct_study.1")
stop_teleread
search_at_scale sqlite sqlite "$work/teleread/teleread.db" "$work/teleread"

pg_db="teleread_bench_$$"
pg_cs=$(/usr/bin/python3 -c 'import sys; print(sys.argv[1].replace("Database=postgres", "Database=" + sys.argv[2]))' "$pg_admin" "$pg_db")
psql_admin() { PGPASSWORD=teleread psql -h 127.0.0.1 -U teleread -d postgres -qc "$1"; }
psql_admin "CREATE DATABASE $pg_db TEMPLATE template0 ENCODING 'UTF8'"
search_at_scale postgres postgres "$pg_cs" "$work/teleread-pg" --database postgres --connection-string "$pg_cs"
psql_admin "DROP DATABASE $pg_db WITH (FORCE)"

# --- Orthanc -------------------------------------------------------------------------------------------------------------
o_port=$(free_port)
mkdir -p "$work/orthanc"
cat > "$work/orthanc/orthanc.json" <<JSON
{ "Name": "bench", "StorageDirectory": "$work/orthanc/storage", "IndexDirectory": "$work/orthanc/index", "HttpPort": $o_port,
  "DicomServerEnabled": false, "RemoteAccessAllowed": false, "AuthenticationEnabled": false, "DefaultEncoding": "Utf8",
  "Plugins": ["/usr/share/orthanc/plugins/libOrthancDicomWeb.so"],
  "DicomWeb": { "Enable": true, "Root": "/dicom-web/", "StudiesMetadata": "Full", "SeriesMetadata": "Full" } }
JSON
Orthanc "$work/orthanc/orthanc.json" > "$work/orthanc.log" 2>&1 &
orthanc_pid=$!; pids+=("$orthanc_pid")
wait_http "http://127.0.0.1:$o_port/system"
obase="http://127.0.0.1:$o_port/dicom-web"
tool stow "$obase" - "$work/data/warmup" 50 > /dev/null
o_small=$(tool stow "$obase" - "$work/data/small" 50)
o_ct=$(tool stow "$obase" - "$work/data/ct" 30)
o_wado=$(with_rss "$orthanc_pid" tool wado "$obase" - "$ct_study" "$ct_study.1")
tool stow "$obase" - "$work/data/qido-$orthanc_studies" 100 > "$work/orthanc-load.txt"
tool qido "$obase" - "$orthanc_studies" "$rounds" orthanc | tee "$work/qido-orthanc.txt"
kill "$orthanc_pid"; wait "$orthanc_pid" 2>/dev/null || true

# --- Table ---------------------------------------------------------------------------------------------------------------
p() { awk -v k="$2" -v m="$3=" '$1 == k { for (i = 1; i < NF; i++) if ($i == m) print $(i + 1) }' "$1"; } # FILE LABEL p50|p99
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
row() { printf '| %-44s | %10s | %10s | %6s |\n' "$1" "$2" "$3" "$(ratio "$2" "$3")"; }
echo
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')  host: $(nproc) cores  studies: $studies (Teleread), $orthanc_studies (Orthanc)  rounds: $rounds"
echo
printf '| %-44s | %10s | %10s | %6s |\n' "measure" "Teleread" "Orthanc" "T/O"
echo "|----------------------------------------------|-----------:|-----------:|-------:|"
row "STOW-RS 500 small instances (instances/s)" "$(echo "$t_small" | cut -d' ' -f4)" "$(echo "$o_small" | cut -d' ' -f4)"
row "STOW-RS 300-slice CT (instances/s)" "$(echo "$t_ct" | cut -d' ' -f4)" "$(echo "$o_ct" | cut -d' ' -f4)"
row "STOW-RS 300-slice CT (MB/s)" "$(echo "$t_ct" | cut -d' ' -f5)" "$(echo "$o_ct" | cut -d' ' -f5)"
row "WADO-RS CT series (s)" "$(echo "$t_wado" | cut -d' ' -f3)" "$(echo "$o_wado" | cut -d' ' -f3)"
row "WADO-RS CT series (MB/s)" "$(echo "$t_wado" | cut -d' ' -f4)" "$(echo "$o_wado" | cut -d' ' -f4)"
row "server RSS before WADO (MB)" "$(echo "$t_wado" | cut -d' ' -f5)" "$(echo "$o_wado" | cut -d' ' -f5)"
row "server peak RSS during WADO (MB)" "$(echo "$t_wado" | cut -d' ' -f6)" "$(echo "$o_wado" | cut -d' ' -f6)"
for db in sqlite postgres; do
  row "QIDO-RS p50 ms ($db, T $studies / O $orthanc_studies)" "$(p "$work/qido-$db.txt" all p50)" "$(p "$work/qido-orthanc.txt" all p50)"
  row "QIDO-RS p99 ms ($db, T $studies / O $orthanc_studies)" "$(p "$work/qido-$db.txt" all p99)" "$(p "$work/qido-orthanc.txt" all p99)"
  row "C-FIND STUDY p50 ms ($db, $studies)" "$(p "$work/cfind-$db.txt" all p50)" "-"
  row "C-FIND STUDY p99 ms ($db, $studies)" "$(p "$work/cfind-$db.txt" all p99)" "-"
done
echo
echo "per-shape figures: $work/qido-*.txt, $work/cfind-*.txt; seeding: $work/seed-*.txt"
