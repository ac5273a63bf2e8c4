#!/usr/bin/env bash
# The public reply page under load: CivicFlow (H2 demo) against the same HTML served as a static
# file by nginx, in the same run, with wrk (2 threads, 50 connections).
# Usage: bench/public-vs-nginx.sh [seconds] [civicflow-port] [nginx-port]
# Besides requests/s it reports each server's CPU time per request (from /proc, all of nginx's
# processes), which stays comparable when the machine is busy.
# Needs wrk and nginx (apt-get install -y wrk nginx) and the jar (mvn -DskipTests package).
# Writes target/bench/public-vs-nginx.md.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_RUN=${1:-20}
PORT=${2:-8102}
NGINX_PORT=${3:-8101}
JAR=${CIVICFLOW_JAR:-web-portal/target/civicflow.jar}
OUT=$(pwd)/target/bench
mkdir -p "$OUT"
WORK=$(mktemp -d /tmp/civicflow-nginx.XXXXXX)
chmod 755 "$WORK"
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

# Server flags (the README's laptop flags -XX:TieredStopAtLevel=1 -XX:+UseSerialGC trade peak
# throughput for start-up): override with JAVA_OPTS.
# shellcheck disable=SC2086
java ${JAVA_OPTS:--Xmx512m} -jar "$JAR" --server.port="$PORT" \
  >"$OUT/public-vs-nginx-app.log" 2>&1 &
PIDS+=($!)
for i in $(seq 1 1800); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/" || true)" = 200 ] && break
  sleep 0.1
done
# The reply to suggestion 911100 of the demo data (published by the process jobs shortly after
# start-up), else the newest published reply.
ID=
for i in $(seq 1 240); do
  LIST=$(curl -s "http://127.0.0.1:$PORT/api/v1/public/replies" || true)
  ID=$(echo "$LIST" | grep -o '"id":[0-9]*,"title":"[^"]*","session":"[^"]*","number":"911100"' | grep -o '^"id":[0-9]*' | grep -o '[0-9]*$' || true)
  [ -n "$ID" ] && break
  sleep 0.5
done
[ -n "$ID" ] || ID=$(echo "$LIST" | grep -o '"id" *: *[0-9]*' | head -1 | grep -o '[0-9]*$' || true)
[ -n "$ID" ] || { echo "no published reply found" >&2; exit 1; }
URL_CF="http://127.0.0.1:$PORT/public/replies/$ID"
curl -sf "$URL_CF" -o "$WORK/reply.html"
BYTES=$(wc -c <"$WORK/reply.html")

cat >"$WORK/nginx.conf" <<CONF
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/error.log warn;
daemon off;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/tmp; proxy_temp_path $WORK/tmp; fastcgi_temp_path $WORK/tmp;
  uwsgi_temp_path $WORK/tmp; scgi_temp_path $WORK/tmp;
  sendfile on; keepalive_requests 100000;
  default_type text/html;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK;
    location = /reply.html { add_header Content-Type "text/html;charset=UTF-8"; }
  }
}
CONF
nginx -c "$WORK/nginx.conf" &
NGINX_PID=$!
PIDS+=($NGINX_PID)
sleep 1
URL_NGINX="http://127.0.0.1:$NGINX_PORT/reply.html"
[ "$(curl -s "$URL_NGINX" | wc -c)" = "$BYTES" ] || { echo "nginx does not serve the page" >&2; exit 1; }

cpu_ticks() { # user+system clock ticks of the given processes and their children
  local t=0 p
  for p in "$@" $(for q in "$@"; do pgrep -P "$q" || true; done); do
    [ -r "/proc/$p/stat" ] && t=$(( t + $(awk '{print $14 + $15}' "/proc/$p/stat") ))
  done
  echo "$t"
}
run() { # run URL LABEL PID: wrk output to a file, after a warm-up; CPU ticks of PID meanwhile
  wrk -t2 -c50 -d"$(( SECONDS_RUN / 2 + 5 ))s" "$1" >/dev/null
  local before; before=$(cpu_ticks "$3")
  wrk -t2 -c50 -d"${SECONDS_RUN}s" --latency "$1" >"$OUT/wrk-$2.txt"
  echo $(( $(cpu_ticks "$3") - before )) >"$OUT/cpu-$2.txt"
}
rps() { awk '/Requests\/sec/ {print $2}' "$1"; }
lat() { awk -v q="$2" '$1 == q {print $2}' "$1"; }
non2xx() { awk '/Non-2xx/ {print $5}' "$1"; }
# CPU microseconds per request: ticks × 10^6 / ticks per second / requests
cpu_us() { awk -v t="$(cat "$OUT/cpu-$1.txt")" -v hz="$(getconf CLK_TCK)" '/requests in/ {printf "%.0f", t * 1e6 / hz / $1}' "$OUT/wrk-$1.txt"; }
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
run "$URL_CF" civicflow "${PIDS[0]}"
run "$URL_NGINX" nginx "$NGINX_PID"
CF=$(rps "$OUT/wrk-civicflow.txt"); NG=$(rps "$OUT/wrk-nginx.txt")
RATIO=$(awk "BEGIN{printf \"%.1f\", 100*$CF/$NG}")
cat >"$OUT/public-vs-nginx.md" <<MD
## Public reply page: CivicFlow against nginx (same HTML, $BYTES bytes)

wrk -t2 -c50 -d${SECONDS_RUN}s, after a warm-up of $(( SECONDS_RUN / 2 + 5 )) s each; CivicFlow on H2 with the demo data, JVM options ${JAVA_OPTS:--Xmx512m}; both servers and wrk on this machine ($(nproc) cores).

| server | requests/s | p50 | p90 | p99 | non-2xx | server CPU µs per request |
|---|---|---|---|---|---|---|
| CivicFlow $URL_CF | $CF | $(lat "$OUT/wrk-civicflow.txt" 50%) | $(lat "$OUT/wrk-civicflow.txt" 90%) | $(lat "$OUT/wrk-civicflow.txt" 99%) | $(non2xx "$OUT/wrk-civicflow.txt") | $(cpu_us civicflow) |
| nginx, static file | $NG | $(lat "$OUT/wrk-nginx.txt" 50%) | $(lat "$OUT/wrk-nginx.txt" 90%) | $(lat "$OUT/wrk-nginx.txt" 99%) | $(non2xx "$OUT/wrk-nginx.txt") | $(cpu_us nginx) |

**CivicFlow / nginx: $RATIO %** (target ≥ 25 %). Load average before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg).
MD
echo "| Public reply page under wrk -t2 -c50 -d${SECONDS_RUN}s | CivicFlow ≥ 25 % of nginx | $CF vs $NG requests/s = **$RATIO %**; server CPU $(cpu_us civicflow) vs $(cpu_us nginx) µs per request | $(awk "BEGIN{print ($RATIO >= 25) ? \"yes\" : \"no\"}") | $LOAD_BEFORE |" >"$OUT/public-vs-nginx.row"
cat "$OUT/public-vs-nginx.md"
