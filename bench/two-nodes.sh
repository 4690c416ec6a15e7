#!/usr/bin/env bash
# Issue 8, a second node sharing a run: one forced run of N subscribers (default 10,000) asked of node a only, with
# NODES=2 (a and b, the default) or NODES=1 (a alone), on Debian's PostgreSQL (a throwaway cluster on port 15449).
# Each node has its own recording relay, so the figures say who sent what: the shards each node planned, the messages
# each sent, every subscriber exactly one digest (proof 3 for a run asked of one node), total time, CPU per digest.
#
#   ./mvnw -B package -DskipTests && NODES=2 bench/two-nodes.sh [subscribers]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
NODES=${NODES:-2}
. bench/lib.sh
need_jar
WORK=$(mktemp -d /tmp/paperboy-nodes.XXXXXX)
chmod 755 "$WORK"
PGPORT=${PGPORT:-15449}
SMTP_A=${SMTP_A:-2611}
SMTP_B=${SMTP_B:-2612}
RECORDERS=()
cleanup() {
  pb_stop a; pb_stop b
  for r in "${RECORDERS[@]}"; do kill "$r" 2>/dev/null || true; done
  pg_stop "$WORK/pg"
  if [ "${KEEP:-}" = 1 ]; then echo "work dir kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

pg_start "$WORK/pg" "$PGPORT"
DB+=(PAPERBOY_SMTP_HOST=127.0.0.1 PAPERBOY_DIGEST_SCHEDULE=off)
python3 bench/gen.py papers 1000 "$WORK/papers.json"
python3 bench/gen.py subscribers "$N" "$WORK/subscribers.json" two
python3 bench/gen.py subscribers 1 "$WORK/warm.json" warm
recorder "$SMTP_A" "$WORK/received-a.tsv"; RECORDERS+=("$RECORDER")
recorder "$SMTP_B" "$WORK/received-b.tsv"; RECORDERS+=("$RECORDER")
touch "$WORK/received-a.tsv" "$WORK/received-b.tsv"
pb_start a 18094 "$WORK/a" "${DB[@]}" PAPERBOY_SMTP_PORT="$SMTP_A"
[ "$NODES" = 2 ] && pb_start b 18095 "$WORK/b" "${DB[@]}" PAPERBOY_SMTP_PORT="$SMTP_B"
post_json 18094 /api/admin/papers "$WORK/papers.json" > /dev/null
# a first run of one subscriber loads the sentence model and embeds the papers, outside the measured run
post_json 18094 /api/admin/subscribers "$WORK/warm.json" > /dev/null
wait_run 18094 "$(force_run 18094)" 600 > /dev/null
post_json 18094 /api/admin/subscribers "$WORK/subscribers.json" > /dev/null
sleep 5
: > "$WORK/received-a.tsv"; : > "$WORK/received-b.tsv"

echo "nodes: $NODES, subscribers: $N, cores: $(nproc), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
CPU_A=$(cpu_of a); [ "$NODES" = 2 ] && CPU_B=$(cpu_of b)
START=$(date +%s.%N)
RUN=$(force_run 18094)
REPORT=$(wait_run 18094 "$RUN" 1800)
TIME=$(since "$START")
sleep 5  # a late double would show here
echo "run $RUN asked of a, finished in $TIME s; load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "report: $REPORT" | cut -c1-300
cat "$WORK/received-a.tsv" "$WORK/received-b.tsv" > "$WORK/received.tsv"
tally "$WORK/received.tsv" two "$N"
SHARDS_A=$(grep -c "Digest run $RUN: shard .* planned on this node" "$WORK/a.log" || true)
SHARDS_B=$(grep -c "Digest run $RUN: shard .* planned on this node" "$WORK/b.log" 2>/dev/null || true)
echo "shards planned: a ${SHARDS_A}, b ${SHARDS_B:-0}; messages sent: a $(wc -l < "$WORK/received-a.tsv"), b $(wc -l < "$WORK/received-b.tsv")"
CPU=$(echo "$(cpu_of a) - $CPU_A" | bc)
echo "CPU during the run: a ${CPU} s"
if [ "$NODES" = 2 ]; then
  CPU_B=$(echo "$(cpu_of b) - $CPU_B" | bc)
  echo "CPU during the run: b ${CPU_B} s"
  CPU=$(echo "$CPU + $CPU_B" | bc)
fi
echo "CPU per digest, all nodes: $(echo "scale=2; 1000 * $CPU / $N" | bc) ms"
