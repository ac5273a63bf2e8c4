#!/usr/bin/env bash
# Every benchmark of docs/performance.md in one run, and one summary: target/bench/summary.md.
#
#   bench/run-all.sh            the full run: MariaDB at 127.0.0.1:3306 (CIVICFLOW_DB_* variables),
#                               300 lifecycles (after a warm-up until the JIT is idle), 100,000 proposals (inboxes, task and
#                               proposal pages), 100,000 replies, wrk 20 s,
#                               1,000,000 audit records verified, 300 reply letters generated and signed,
#                               a session of 1,000 signed replies downloaded as one ZIP of letters
#   bench/run-all.sh --smoke    a small run on H2 (CI): 5 lifecycles, 1,000 proposals (inboxes and pages), 500
#                               replies, wrk 2 s, 2,000 audit records, 10 letters, a ZIP of 20 letters — checks that every benchmark still runs, no targets
#
# Further arguments go to Maven (e.g. -Dmaven.repo.local=...). Ports: BENCH_PORT (default 8100)
# for the footprint run, BENCH_PORT+1 for nginx and BENCH_PORT+2 for CivicFlow against it.
# Needs JDK 17, Maven, and for the public-page comparison wrk and nginx (apt-get install -y wrk nginx; skipped if missing).
# The databases used on MariaDB: civicflow_perf (inboxes, public search), civicflow_perf_lifecycle
# and civicflow_perf_lifecycle_bare (lifecycle throughput), civicflow_perf_audit (audit chain),
# civicflow_perf_letters (reply letters), civicflow_perf_letter_archive (a session's letters as a ZIP);
# generated data is kept and reused.
set -euo pipefail
cd "$(dirname "$0")/.."
SMOKE=false
if [ "${1:-}" = "--smoke" ]; then SMOKE=true; shift; fi
OUT=target/bench
rm -rf "$OUT" web-portal/target/bench
mkdir -p "$OUT"

if $SMOKE; then
  LIFECYCLES=5 WARMUP=1 WARMUP_BATCHES=1 PROPOSALS=1000 REPLIES=500 ROUNDS=20 WRK=2 AUDIT_ROWS=2000 LETTERS=10 ARCHIVE_LETTERS=20 PROFILES=bench
else
  LIFECYCLES=${LIFECYCLES:-300} WARMUP=${WARMUP:-100} WARMUP_BATCHES=${WARMUP_BATCHES:-15} PROPOSALS=${PROPOSALS:-100000}
  REPLIES=${REPLIES:-100000} ROUNDS=200 WRK=${WRK:-20} AUDIT_ROWS=${AUDIT_ROWS:-1000000} LETTERS=${LETTERS:-300}
  ARCHIVE_LETTERS=${ARCHIVE_LETTERS:-1000}
  PROFILES=bench,mariadb
fi
MVN=(mvn -B "$@")
START=$(date -u +%FT%TZ)

# the jar and the upstream modules (the ITs run against the installed ones)
"${MVN[@]}" -q -DskipTests -Dspotless.check.skip=true install >"$OUT/build.log" 2>&1 || { tail -50 "$OUT/build.log"; exit 1; }

PORT=${BENCH_PORT:-8100}
bench/footprint.sh "$PORT" $((ROUNDS))
if command -v wrk >/dev/null && command -v nginx >/dev/null; then
  bench/public-vs-nginx.sh "$WRK" $((PORT + 2)) $((PORT + 1))
else
  echo "| Public reply page against nginx | CivicFlow ≥ 25 % of nginx | skipped: wrk or nginx missing | – | |" >"$OUT/public-vs-nginx.row"
fi

IT=(-pl web-portal -P"$PROFILES" -Dspotless.check.skip=true -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false)
"${MVN[@]}" verify "${IT[@]}" -Dit.test=LifecycleBenchmarkIT -Dcivicflow.bench.db=civicflow_perf_lifecycle \
  -Dcivicflow.bench.lifecycles="$LIFECYCLES" -Dcivicflow.bench.warmup="$WARMUP" \
  -Dcivicflow.bench.warmupBatches="$WARMUP_BATCHES" >"$OUT/lifecycle.log" 2>&1 \
  || { grep -E "Tests run|FAIL|ERROR" "$OUT/lifecycle.log" | head -20; exit 1; }
# the inboxes, then the task and proposal pages on the same 100,000 proposals, then the public search
"${MVN[@]}" verify "${IT[@]}" -Dit.test='InboxBenchmarkIT,TaskPagesBenchmarkIT,PublicSearchBenchmarkIT' -Dcivicflow.bench.db=civicflow_perf \
  -Dcivicflow.bench.proposals="$PROPOSALS" -Dcivicflow.bench.replies="$REPLIES" -Dcivicflow.bench.rounds="$ROUNDS" \
  -Dcivicflow.bench.warmupBatches="$WARMUP_BATCHES" \
  >"$OUT/inbox-search.log" 2>&1 || { grep -E "Tests run|FAIL|ERROR" "$OUT/inbox-search.log" | head -20; exit 1; }
# the phone pages in headless Chromium (4x CPU slowdown, slow 4G): largest contentful paint, JS/CSS weight
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  "${MVN[@]}" verify "${IT[@]}" -Dit.test=PhoneSpeedBenchmarkIT -Dcivicflow.bench.db=civicflow_perf_phone \
    -Dcivicflow.bench.phone.rounds="$($SMOKE && echo 1 || echo 5)" >"$OUT/phone-speed.log" 2>&1 \
    || { grep -E "Tests run|FAIL|ERROR" "$OUT/phone-speed.log" | head -20; exit 1; }
else
  echo "| Phone pages, LCP at 4× CPU and slow 4G | < 2.5 s | skipped: chromium missing | – | |" >web-portal/target/bench/phone-speed.row
  echo "Phone pages: skipped, chromium missing." >web-portal/target/bench/phone-speed.md
fi
# the audit chain: records added in bulk and chained once, then the whole chain verified
"${MVN[@]}" verify "${IT[@]}" -Dit.test=AuditVerificationBenchmarkIT -Dcivicflow.bench.db=civicflow_perf_audit \
  -Dcivicflow.bench.audit.rows="$AUDIT_ROWS" >"$OUT/audit-verification.log" 2>&1 \
  || { grep -E "Tests run|FAIL|ERROR" "$OUT/audit-verification.log" | head -20; exit 1; }
# the reply letter: one PDF generated and signed, after a warm-up
"${MVN[@]}" verify "${IT[@]}" -Dit.test=LetterBenchmarkIT -Dcivicflow.bench.db=civicflow_perf_letters \
  -Dcivicflow.bench.letters="$LETTERS" >"$OUT/letters.log" 2>&1 \
  || { grep -E "Tests run|FAIL|ERROR" "$OUT/letters.log" | head -20; exit 1; }
# a session's letters as one ZIP: 1,000 signed replies whose letters are made, signed and zipped
"${MVN[@]}" verify "${IT[@]}" -Dit.test=LetterArchiveBenchmarkIT -Dcivicflow.bench.db=civicflow_perf_letter_archive \
  -Dcivicflow.bench.archive.letters="$ARCHIVE_LETTERS" >"$OUT/letter-archive.log" 2>&1 \
  || { grep -E "Tests run|FAIL|ERROR" "$OUT/letter-archive.log" | head -20; exit 1; }
cp web-portal/target/bench/* "$OUT/"

{
  echo "# CivicFlow benchmarks — $( $SMOKE && echo "smoke run (small sizes, no targets)" || echo "full run")"
  echo
  echo "Started $START, finished $(date -u +%FT%TZ). Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)),"
  echo "$(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), $(mysql --version 2>/dev/null | cut -d' ' -f4- | cut -d, -f1 || echo 'no mysql client')."
  echo
  echo "| benchmark | target | measured | met | load average (1/5/15 min) |"
  echo "|---|---|---|---|---|"
  cat "$OUT"/footprint.row "$OUT"/public-vs-nginx.row "$OUT"/lifecycle.row "$OUT"/inbox.row "$OUT"/task-pages.row "$OUT"/public-search.row "$OUT"/similar-search.row \
    "$OUT"/audit-verification.row "$OUT"/phone-speed.row "$OUT"/letters.row "$OUT"/letter-archive.row
  echo
  for f in footprint public-vs-nginx lifecycle inbox task-pages public-search similar-search audit-verification phone-speed letters letter-archive; do
    cat "$OUT/$f.md"; echo
  done
} >"$OUT/summary.md"
echo "written $OUT/summary.md"
head -20 "$OUT/summary.md"
