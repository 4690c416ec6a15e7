#!/usr/bin/env bash
# GET /api/preview against GET /q/health/live, with wrk, in one run (BENCHMARKS.md): the packaged jar on a fresh
# embedded database with the 62 sample papers, 2 threads and 16 connections for 20 s each, one after the other.
# The preview is asked for the interests of the quality judgments in turn (a Lua script), and for one interest
# over and over (what typing pauses on).
#
#   ./mvnw -B package -DskipTests && src/test/bench/preview-wrk.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/../../.."
SECONDS_EACH=${1:-20}
WORK=$(mktemp -d)
trap 'if [ -n "${PID:-}" ]; then kill "$PID"; wait "$PID" 2>/dev/null || true; fi; rm -rf "$WORK"' EXIT
[ -f target/quarkus-app/quarkus-run.jar ] || { echo "build first: ./mvnw -B package -DskipTests"; exit 1; }
PORT=${PORT:-18090}
URL="http://localhost:$PORT"
# the preview's rate limit per client is lifted: this measures serving, not the limiter
PAPERBOY_DATA_DIR="$WORK/data" QUARKUS_HTTP_PORT=$PORT PAPERBOY_DIGEST_SCHEDULE=off \
  PAPERBOY_RATE_LIMIT_PREVIEW_REQUESTS=100000000 java -Xmx512m -jar target/quarkus-app/quarkus-run.jar \
  > "$WORK/paperboy.log" 2>&1 &
PID=$!
for _ in $(seq 1 180); do
  curl -sf "$URL/q/health/ready" > /dev/null && break
  sleep 1
done
curl -sf "$URL/q/health/ready" > /dev/null || { echo "Paperboy did not start:"; tail -20 "$WORK/paperboy.log"; exit 1; }

python3 - "$WORK/interests.lua" <<'PY'
import json, sys, urllib.parse
judged = json.load(open("src/test/resources/quality/judgments.json"))["judgments"]
paths = ["/api/preview?limit=10&interest=" + urllib.parse.quote(j["interest"]) for j in judged]
with open(sys.argv[1], "w") as lua:
    lua.write("paths = {" + ",".join('"' + p + '"' for p in paths) + "}\n")
    lua.write("i = 0\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format('GET', paths[i])\nend\n")
PY
# the first preview builds the index (and embeds the sample papers); every interest once, to warm the JIT
for _ in 1 2 3; do wrk -t2 -c16 -d5s -s "$WORK/interests.lua" "$URL" > /dev/null; done
wrk -t2 -c16 -d5s "$URL/q/health/live" > /dev/null

run() {
  echo "== $1"
  shift
  wrk -t2 -c16 -d"${SECONDS_EACH}s" --latency "$@" | grep -E "Requests/sec|50%|99%|Non-2xx|Socket errors"
}
run "GET /q/health/live" "$URL/q/health/live"
run "GET /api/preview, the 22 judged interests in turn" -s "$WORK/interests.lua" "$URL"
run "GET /api/preview?interest=graph%20neural%20networks, the same again" "$URL/api/preview?interest=graph%20neural%20networks&limit=10"
