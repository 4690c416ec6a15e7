#!/usr/bin/env bash
# Proof 3 (issue 8): two nodes on one PostgreSQL (Debian's postgresql package, a throwaway cluster on port 15439),
# a forced run asked of both at once: every one of N subscribers (default 5,000) gets exactly one digest. Each run is
# split into shards that either node's Quartz may take; the second run finds every period decided by the first (or
# decides the rest itself), and claims are fenced so no digest is sent by both.
#
#   ./mvnw -B package -DskipTests && bench/proof-two-nodes.sh [subscribers]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-5000}
. bench/lib.sh
need_jar
WORK=$(mktemp -d /tmp/paperboy-two.XXXXXX)
chmod 755 "$WORK"
PGPORT=${PGPORT:-15439}
SMTP=${SMTP:-2605}
cleanup() {
  pb_stop a; pb_stop b
  [ -n "${RECORDER:-}" ] && kill "$RECORDER" 2>/dev/null
  pg_stop "$WORK/pg"
  if [ "${KEEP:-}" = 1 ]; then echo "work dir kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

pg_start "$WORK/pg" "$PGPORT"
DB+=(PAPERBOY_SMTP_HOST=127.0.0.1 PAPERBOY_SMTP_PORT="$SMTP")

python3 bench/gen.py papers 1000 "$WORK/papers.json"
python3 bench/gen.py subscribers "$N" "$WORK/subscribers.json" two
recorder "$SMTP" "$WORK/received.tsv"
pb_start a 18094 "$WORK/a" "${DB[@]}"
pb_start b 18095 "$WORK/b" "${DB[@]}"
post_json 18094 /api/admin/papers "$WORK/papers.json" > /dev/null
echo "import: $(post_json 18094 /api/admin/subscribers "$WORK/subscribers.json")"
START=$(date +%s.%N)
force_run 18094 > "$WORK/run-a" & ASK_A=$!
force_run 18095 > "$WORK/run-b" & ASK_B=$!
wait "$ASK_A" "$ASK_B"
RUN_A=$(cat "$WORK/run-a"); RUN_B=$(cat "$WORK/run-b")
echo "run $RUN_A (asked of a): $(wait_run 18094 "$RUN_A" 900)"
echo "run $RUN_B (asked of b): $(wait_run 18095 "$RUN_B" 900)"
echo "both finished $(since "$START") s after the requests"
sleep 10  # a late double would show here
tally "$WORK/received.tsv" two "$N"
echo "shards planned by each node: a $(grep -c 'planned on this node' "$WORK/a.log" || true), b $(grep -c 'planned on this node' "$WORK/b.log" || true)"
