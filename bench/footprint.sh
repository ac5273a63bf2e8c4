#!/usr/bin/env bash
# Footprint of the demo on H2: start-up time (launch until the first 200 on /) and resident memory
# (VmRSS from /proc) after start and after some requests, with the README's start command.
# Usage: bench/footprint.sh [port] [requests]   (the jar: mvn -DskipTests package first)
# Writes target/bench/footprint.md; prints one table row.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${1:-8100}
REQUESTS=${2:-200}
JAR=web-portal/target/civicflow.jar
OUT=target/bench
mkdir -p "$OUT"
[ -f "$JAR" ] || { echo "missing $JAR: run mvn -DskipTests package" >&2; exit 1; }
LOG=$OUT/footprint-app.log
rss() { awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/"$1"/status; }
hwm() { awk '/VmHWM/ {printf "%.0f", $2/1024}' /proc/"$1"/status; }

START=$(date +%s%N)
# The README command, on another port:
java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx384m -jar "$JAR" --server.port="$PORT" >"$LOG" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true' EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/" || true)" = 200 ]; do
  kill -0 $PID 2>/dev/null || { echo "the application exited, see $LOG" >&2; exit 1; }
  [ $(( ($(date +%s%N) - START) / 1000000000 )) -lt 180 ] || { echo "no 200 after 180 s" >&2; exit 1; }
  sleep 0.1
done
READY_MS=$(( ($(date +%s%N) - START) / 1000000 ))
# CPU seconds spent until then (all threads): comparable when the machine is busy
CPU_READY=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' /proc/$PID/stat)
RSS_START=$(rss $PID)
# Some ordinary use: the public column, a search, the login page and a signed-in API call.
for i in $(seq 1 "$REQUESTS"); do
  case $((i % 4)) in
    0) curl -s -o /dev/null "http://127.0.0.1:$PORT/" ;;
    1) curl -s -o /dev/null "http://127.0.0.1:$PORT/?q=%E7%9B%91%E7%AE%A1" ;;
    2) curl -s -o /dev/null "http://127.0.0.1:$PORT/login" ;;
    3) curl -s -o /dev/null -u registrar:Demo@12345 "http://127.0.0.1:$PORT/api/v1/tasks" ;;
  esac
done
RSS_AFTER=$(rss $PID)
PEAK=$(hwm $PID)
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
SPRING=$(grep -o 'Started [A-Za-z]* in [0-9.]* seconds' "$LOG" | head -1 || true)
cat >"$OUT/footprint.md" <<MD
## Footprint (H2 demo, README command)

| measure | value | target |
|---|---|---|
| start-up: launch → first 200 on / | $(awk "BEGIN{printf \"%.1f\", $READY_MS/1000}") s (CPU $CPU_READY s) | < 15 s |
| RSS after start | $RSS_START MB | < 600 MB |
| RSS after $REQUESTS requests | $RSS_AFTER MB (peak $PEAK MB) | < 600 MB |

Spring: ${SPRING:-n/a}. Load average: $LOAD ($(nproc) cores).
MD
READY_S=$(awk "BEGIN{printf \"%.1f\", $READY_MS/1000}")
MAX_RSS=$(( RSS_AFTER > PEAK ? RSS_AFTER : PEAK ))
{
  echo "| Footprint: start-up of the H2 demo (README command) | < 15 s | **$READY_S s** to the first 200 on / | $(awk "BEGIN{print ($READY_MS < 15000) ? \"yes\" : \"no\"}") | $LOAD |"
  echo "| Footprint: resident memory (RSS) | < 600 MB | $RSS_START MB after start, **$MAX_RSS MB** peak after $REQUESTS requests | $([ "$MAX_RSS" -lt 600 ] && echo yes || echo no) | $LOAD |"
} >"$OUT/footprint.row"
cat "$OUT/footprint.md"
