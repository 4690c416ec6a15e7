#!/usr/bin/env bash
# Benchmark: one OAI-PMH harvest of 20,000 records (10 pages of 2,000) from a local server, polled through the
# packaged Paperboy on its embedded PostgreSQL: wall time of the poll, and heap from the GC log.
# The source is of kind arxiv-oai, so arXiv's pace applies: PACE=0s (the default here) measures Paperboy's own work,
# PACE=3s what a real harvest of arXiv takes.
#   ./mvnw -B package -DskipTests && src/test/bench/oai-harvest.sh
#   PACE=3s HEAP=-Xmx128m src/test/bench/oai-harvest.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
PAGES=${PAGES:-10} PER_PAGE=${PER_PAGE:-2000} PACE=${PACE:-0s} HEAP=${HEAP:--Xmx512m}
[ -f target/quarkus-app/quarkus-run.jar ] || { echo "build first: ./mvnw -B package -DskipTests"; exit 1; }
WORK=$(mktemp -d /tmp/paperboy-bench.XXXXXX)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
OAI_PORT=$(free_port) APP_PORT=$(free_port) TOKEN=bench-admin-token
java src/test/bench/OaiServer.java "$OAI_PORT" "$PAGES" "$PER_PAGE" > "$WORK/oai.log" 2>&1 & OAI_PID=$!
PAPERBOY_DATA_DIR="$WORK/data" PAPERBOY_SAMPLE_DATA=false PAPERBOY_ADMIN_TOKEN=$TOKEN QUARKUS_HTTP_PORT=$APP_PORT \
  PAPERBOY_FETCH_ARXIV_INTERVAL=$PACE PAPERBOY_DIGEST_SCHEDULE=off \
  java $HEAP -Xlog:gc:file="$WORK/gc.log" -jar target/quarkus-app/quarkus-run.jar > "$WORK/app.log" 2>&1 & APP_PID=$!
trap 'kill $APP_PID $OAI_PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 240); do
  curl -sf "http://127.0.0.1:$APP_PORT/q/health/ready" > /dev/null && break; sleep 0.5
done
curl -sf "http://127.0.0.1:$APP_PORT/q/health/ready" > /dev/null || { echo "Paperboy did not start:"; tail -20 "$WORK/app.log"; exit 1; }
A="Authorization: Bearer $TOKEN"
curl -sf -H "$A" -H 'Content-Type: application/json' -o /dev/null \
  -d "{\"name\": \"bench-oai\", \"kind\": \"arxiv-oai\", \"url\": \"http://127.0.0.1:$OAI_PORT/oai\", \"set\": \"cs\", \"enabled\": false}" \
  "http://127.0.0.1:$APP_PORT/api/admin/sources"
GC_BEFORE=$(wc -l < "$WORK/gc.log")
START=$(date +%s.%N)
REPORT=$(curl -s -H "$A" -X POST "http://127.0.0.1:$APP_PORT/api/admin/sources/bench-oai/poll")
END=$(date +%s.%N)
echo "poll: $REPORT" | cut -c1-300
# heap at each GC during the harvest: "<before>M-><after>M(<committed>M)"
tail -n +"$((GC_BEFORE + 1))" "$WORK/gc.log" | grep -o '[0-9]*M->[0-9]*M([0-9]*M)' \
  | awk -F'[M>(-]+' '{ if ($1 > peak) peak = $1; if ($2 > live) live = $2; n++ }
      END { printf "GCs during harvest: %d, peak heap used %d MB, largest heap after a GC %d MB\n", n, peak, live }'
echo "$REPORT" | python3 -c "import json,sys; r=json.load(sys.stdin); print(f\"records added {r['added']}, requests {r['requests']}\")"
awk -v s="$START" -v e="$END" 'BEGIN { printf "harvest of %d pages x %d records: %.1f s (pace %s)\n", '"$PAGES"', '"$PER_PAGE"', e - s, "'"$PACE"'" }'
