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
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}
WORK=$(mktemp -d /tmp/paperboy-two.XXXXXX)
chmod 755 "$WORK"
PGPORT=${PGPORT:-15439}
SMTP=${SMTP:-2605}
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  pb_stop a; pb_stop b
  [ -n "${RECORDER:-}" ] && kill "$RECORDER" 2>/dev/null
  as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast stop > /dev/null 2>&1 || true
  if [ "${KEEP:-}" = 1 ]; then echo "work dir kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

mkdir "$WORK/pg"; [ "$(id -u)" = 0 ] && chown postgres "$WORK/pg"
as_pg "$PG_BIN/initdb" -D "$WORK/pg" -A trust -U paperboy > /dev/null
as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -o "-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1" -l "$WORK/pg/log" -w start > /dev/null
as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U paperboy paperboy
DB=(QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PGPORT/paperboy" QUARKUS_DATASOURCE_USERNAME=paperboy
    QUARKUS_DATASOURCE_PASSWORD=unused PAPERBOY_SMTP_HOST=127.0.0.1 PAPERBOY_SMTP_PORT="$SMTP")
echo "PostgreSQL: $("$PG_BIN/postgres" --version)"

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
echo "both finished $(python3 -c "import time,sys; print(f'{time.time()-float(sys.argv[1]):.1f}')" "$START") s after the requests"
sleep 10  # a late double would show here
tally "$WORK/received.tsv" two "$N"
echo "shards planned by each node: a $(grep -c 'planned on this node' "$WORK/a.log" || true), b $(grep -c 'planned on this node' "$WORK/b.log" || true)"
