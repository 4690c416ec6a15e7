#!/usr/bin/env bash
# Proof 2 (issue 8): the relay answers 451 for a while (default 20 s from its start), then accepts: every one of N
# digests (default 2,000) is delivered exactly once. The SMTP server is bench/smtp_record.py --fail-seconds; the
# retry wait starts at 5 s here (1 min by default) and the clock's pass, which sends due retries, runs every 10 s.
#
#   ./mvnw -B package -DskipTests && bench/proof-outage.sh [subscribers] [outage-seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-2000}
OUTAGE=${2:-20}
. bench/lib.sh
need_jar
WORK=$(mktemp -d /tmp/paperboy-outage.XXXXXX)
PORT=${PORT:-18093}
SMTP=${SMTP:-2604}
cleanup() {
  pb_stop node
  [ -n "${RECORDER:-}" ] && kill "$RECORDER" 2>/dev/null
  if [ "${KEEP:-}" = 1 ]; then echo "work dir kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

python3 bench/gen.py papers 1000 "$WORK/papers.json"
python3 bench/gen.py subscribers "$N" "$WORK/subscribers.json" outage
pb_start node "$PORT" "$WORK/data" PAPERBOY_SMTP_HOST=127.0.0.1 PAPERBOY_SMTP_PORT="$SMTP" \
  PAPERBOY_DIGEST_RETRY_BACKOFF=5s PAPERBOY_DIGEST_SCHEDULE='0/10 * * * * ?'
post_json "$PORT" /api/admin/papers "$WORK/papers.json" > /dev/null
echo "import: $(post_json "$PORT" /api/admin/subscribers "$WORK/subscribers.json")"
recorder "$SMTP" "$WORK/received.tsv" --fail-seconds "$OUTAGE"
START=$(date +%s)
RUN=$(force_run "$PORT")
echo "run $RUN: $(wait_run "$PORT" "$RUN" 900)"
for _ in $(seq 1 900); do
  [ "$(cut -f1 "$WORK/received.tsv" | sort -u | wc -l)" -ge "$N" ] && break
  sleep 1
done
echo "all delivered $(( $(date +%s) - START )) s after the run request (relay refusing for the first $OUTAGE s)"
sleep 15  # a late double would show here
echo "MAIL FROM answered 451: $(grep -c '^#refused' "$WORK/received.tsv") times"
tally "$WORK/received.tsv" outage "$N"
echo "run $RUN now: $(api "$PORT" GET "/api/admin/runs/$RUN")"
