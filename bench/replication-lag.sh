#!/usr/bin/env bash
# How far queued replication (Storage:Replication=Queued) lags behind C-STORE ingest: starts `teleread demo` in queued
# mode (temp data dir, SQLite), stores the dimse-ingest.sh warm-up, CT and small sets with storescu (one association per
# set), samples the replication queue (depth, oldest queued age) in the SQLite index every 0.2 s, and prints the worst
# depth and age seen while storing and how long after the last storescu ended the queue was empty.
# Usage: bench/replication-lag.sh [DATA_DIR]   (the inputs of dimse-ingest.sh; run it once first to generate them)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data="${1:-${TMPDIR:-/tmp}/teleread-dicom-bench}"
for tool in storescu echoscu sqlite3 bc; do
  command -v "$tool" >/dev/null || { echo "$tool missing" >&2; exit 1; }
done
[ -d "$data/warmup" ] && [ -d "$data/ct" ] && [ -d "$data/small" ] || { echo "no inputs in $data: run bench/dimse-ingest.sh first" >&2; exit 1; }
work="$(mktemp -d "${TMPDIR:-/tmp}/teleread-replication-lag.XXXXXX")"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ "${KEEP:-0}" = 1 ] || rm -rf "$work"
}
trap cleanup EXIT
export TCP_NODELAY=1
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now_ms() { date +%s%3N; }

"$root/teleread" --help >/dev/null
dport=$(free_port)
Storage__Replication=Queued "$root/teleread" demo --data "$work/server" --urls "http://127.0.0.1:$(free_port)" --dicom-port "$dport" > "$work/server.log" 2>&1 &
pids+=("$!")
for i in $(seq 1 600); do echoscu -aet DEMO_CLINIC_A -aec TELEREAD 127.0.0.1 "$dport" >/dev/null 2>&1 && break; sleep 0.1; done
db="$work/server/teleread.db"
sample() { sqlite3 "$db" "SELECT COUNT(*), COALESCE($(now_ms) - MIN(created_at), 0) FROM archive_replication_queue" 2>/dev/null || echo "0|0"; }
( for _ in $(seq 1 6000); do echo "$(now_ms)|$(sample)"; sleep 0.2; done ) > "$work/samples" &
sampler=$!; pids+=("$sampler")

start=$(now_ms)
for set in warmup ct small; do
  storescu -R -aet DEMO_CLINIC_A -aec TELEREAD +sd 127.0.0.1 "$dport" "$data/$set" > "$work/storescu.log" 2>&1 \
    || { echo "storescu failed:" >&2; tail -5 "$work/storescu.log" >&2; exit 1; }
done
stored=$(now_ms)
empty=""
for _ in $(seq 1 3000); do
  if [ "$(sample | cut -d'|' -f1)" = 0 ]; then empty=$(now_ms); break; fi
  sleep 0.1
done
kill "$sampler" 2>/dev/null || true
files=$(find "$data/warmup" "$data/ct" "$data/small" -name '*.dcm' | wc -l)
awk -F'|' -v s="$stored" 'BEGIN {d=0; a=0} $1 <= s { if ($2 > d) d = $2; if ($3 > a) a = $3 } END {
  printf "while storing: worst queue depth %d copies, worst oldest-queued age %.1f s\n", d, a / 1000 }' "$work/samples"
echo "stored $files instances in $(echo "($stored - $start) / 1000" | bc -l | xargs printf '%.1f') s"
if [ -n "$empty" ]; then
  echo "queue empty $(echo "($empty - $stored) / 1000" | bc -l | xargs printf '%.1f') s after the last storescu ended"
else
  echo "queue not empty 300 s after the last storescu ended" >&2; exit 1
fi
