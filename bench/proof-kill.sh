#!/usr/bin/env bash
# Proof 1 (issue 8): SIGKILL a node while a forced run of N digests (default 5,000) is being sent to a local SMTP
# server, once a tenth of them went out; restart it on the same data: every subscriber has their digest, and no more
# have two than the in-flight bound (PAPERBOY_DELIVERY_IN_FLIGHT, 16). The SMTP server is bench/smtp_record.py,
# which logs each message before it answers 250. The lease is 20 s here (2 min by default) so that the digests the
# killed node held are taken over sooner; the clock's pass runs every 10 s.
#
#   ./mvnw -B package -DskipTests && bench/proof-kill.sh [subscribers]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-5000}
. bench/lib.sh
need_jar
WORK=$(mktemp -d /tmp/paperboy-kill.XXXXXX)
PORT=${PORT:-18092}
SMTP=${SMTP:-2603}
cleanup() {
  pb_stop node KILL
  [ -n "${RECORDER:-}" ] && kill "$RECORDER" 2>/dev/null
  [ -f "$WORK/data/postgres/postmaster.pid" ] && kill "$(head -1 "$WORK/data/postgres/postmaster.pid")" 2>/dev/null
  if [ "${KEEP:-}" = 1 ]; then echo "work dir kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
ENV=(PAPERBOY_SMTP_HOST=127.0.0.1 PAPERBOY_SMTP_PORT="$SMTP" PAPERBOY_DELIVERY_LEASE=20s
     PAPERBOY_DIGEST_SCHEDULE='0/10 * * * * ?')

python3 bench/gen.py papers 1000 "$WORK/papers.json"
python3 bench/gen.py subscribers "$N" "$WORK/subscribers.json" kill
recorder "$SMTP" "$WORK/received.tsv"
pb_start node "$PORT" "$WORK/data" "${ENV[@]}"
post_json "$PORT" /api/admin/papers "$WORK/papers.json" > /dev/null
echo "import: $(post_json "$PORT" /api/admin/subscribers "$WORK/subscribers.json")"
RUN=$(force_run "$PORT")
while [ "$(wc -l < "$WORK/received.tsv")" -lt $((N / 10)) ]; do sleep 0.05; done
pb_stop node KILL
echo "SIGKILL after $(wc -l < "$WORK/received.tsv") messages accepted"
START=$(date +%s)
pb_start node "$PORT" "$WORK/data" "${ENV[@]}"
echo "restarted; run $RUN: $(wait_run "$PORT" "$RUN" 900)"
# the run is finished once its digests are sent, failed or waiting for a retry: wait for the retries too
for _ in $(seq 1 600); do
  [ "$(cut -f1 "$WORK/received.tsv" | sort -u | wc -l)" -ge "$N" ] && break
  sleep 1
done
echo "all delivered $(( $(date +%s) - START )) s after the restart"
tally "$WORK/received.tsv" kill "$N"
echo "digests by state: $(api "$PORT" GET /api/admin/stats)"
