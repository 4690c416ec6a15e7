#!/usr/bin/env bash
# Load figures of the public pages: wrk against the health endpoint, the sign-up page and the preview API, one after
# the other against one packaged Paperboy on a fresh embedded database with the sample papers; each endpoint's
# requests/s and p99 also as a ratio of the health endpoint's.
#   ./mvnw -B package -DskipTests && bench/wrk.sh            (DURATION=20s CONNECTIONS=32 THREADS=2 PORT=18080)
# Prints a Markdown table for BENCHMARKS.md. The rate limit of the preview is lifted for the run: this measures
# serving, not the limiter.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
PORT=${PORT:-18080}
JAR=target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || { echo "no $JAR: run ./mvnw -B package -DskipTests first" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

DATA=$(mktemp -d /tmp/paperboy-bench-XXXXXX)
LOG="$DATA/paperboy.log"
QUARKUS_HTTP_PORT=$PORT PAPERBOY_DATA_DIR="$DATA" PAPERBOY_DIGEST_SCHEDULE=off \
  PAPERBOY_RATE_LIMIT_PREVIEW_REQUESTS=100000000 \
  java -jar "$JAR" > "$LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$DATA"' EXIT

BASE=http://127.0.0.1:$PORT
for _ in $(seq 1 240); do
  curl -sf "$BASE/q/health/ready" >/dev/null 2>&1 && break
  kill -0 $SERVER 2>/dev/null || { cat "$LOG" >&2; exit 1; }
  sleep 0.5
done
curl -sf "$BASE/q/health/ready" >/dev/null || { echo "Paperboy did not start; log in $LOG" >&2; exit 1; }

declare -A RPS P99
ENDPOINTS=("/q/health/live" "/" "/api/preview?interest=neural%20networks")
GZIP="/ (gzip)"  # the sign-up page as browsers fetch it, compressed
# warm up the JIT and the page cache on each endpoint, then measure
for path in "${ENDPOINTS[@]}"; do
  wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "$BASE$path" >/dev/null
done
to_ms() { # wrk prints 812.00us, 3.21ms or 1.02s
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}
for path in "${ENDPOINTS[@]}" "$GZIP"; do
  if [ "$path" = "$GZIP" ]; then
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H 'Accept-Encoding: gzip' "$BASE/")
  else
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$BASE$path")
  fi
  if echo "$out" | grep -q "Non-2xx"; then echo "$path answered errors:" >&2; echo "$out" >&2; exit 1; fi
  RPS[$path]=$(echo "$out" | awk '/Requests\/sec/ { print $2 }')
  P99[$path]=$(to_ms "$(echo "$out" | awk '$1 == "99%" { print $2 }')")
done
SIZE=$(curl -s "$BASE/" | wc -c)
GZSIZE=$(curl -s -H 'Accept-Encoding: gzip' "$BASE/" | wc -c)
health=/q/health/live
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency; $(nproc) cores; GET / is $SIZE bytes, $GZSIZE gzipped"
echo
echo "| endpoint | requests/s | p99 ms | requests/s vs health | p99 vs health |"
echo "|---|---:|---:|---:|---:|"
for path in "${ENDPOINTS[@]}" "$GZIP"; do
  awk -v p="$path" -v r="${RPS[$path]}" -v l="${P99[$path]}" -v hr="${RPS[$health]}" -v hl="${P99[$health]}" \
    'BEGIN { printf "| `GET %s` | %.0f | %.1f | %.0f %% | %.1f× |\n", p, r, l, 100 * r / hr, l / hl }'
done
