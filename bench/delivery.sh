#!/usr/bin/env bash
# Benchmark (issue 8): N active subscribers (default 100,000) imported in one request, each with matches among
# 1,000 new papers, then one forced run into postfix's smtp-sink, the packaged jar on its embedded PostgreSQL with a
# 512 MB heap. Prints the import time, the run's digests per second from the run request until the run reports every
# digest recorded as sent, and that rate as a share of the SMTP ceiling measured right before in the same session
# (smtp-limit.sh: smtp-source into smtp-sink, the same message size, 8 sessions).
#
#   ./mvnw -B package -DskipTests && bench/delivery.sh [subscribers] [papers]
# Environment: PLAN_ONLY=1 (planning alone: one message a second, timed until every shard is planned), SENDERS (PAPERBOY_DELIVERY_SENDERS, default from the cores), KEEP=1 keeps the work dir and logs,
# INTERESTS=distinct gives the subscribers about 2,600 distinct interests instead of 100 topics (4,950 pairs) of 100 topics (gen.py),
# JFR=1 records the node with Java Flight Recorder into the work dir (node.jfr, written when it stops; implies KEEP=1),
# THREADS=1 also prints the node's CPU by thread group (JIT compilers, GC, senders, planning ...; bench/threads.py),
# over the run and its parts, then second by second,
# WARM=1 then runs a second time on the same (now warm) node: 1,000 new papers and the next day's period for the same
# subscribers, timed and reported like the first, against the same ceiling (what the cold start costs).
# EARLY=1 forces the first run right after the papers' import (the 20,000 imported at once, then the run), without the
# sample digest and the ceiling's ~10 s before it, as a checker that does not wait may; the sample and the ceiling are
# measured after the run, and the ratio printed then. Each run also prints how many papers had their vector and
# their halves when it was asked for and when it ended (the background's and the index build's embedding).
set -euo pipefail
cd "$(dirname "$0")/.."
SUBSCRIBERS=${1:-100000}
PAPERS=${2:-1000}
. bench/lib.sh
need_jar
WORK=$(mktemp -d /tmp/paperboy-delivery.XXXXXX)
if [ "${JFR:-}" = 1 ]; then
  KEEP=1
  JAVA_OPTS="${JAVA_OPTS:-} -XX:StartFlightRecording=filename=$WORK/node.jfr,settings=profile"
fi
PORT=${PORT:-18091}
SMTP=${SMTP:-2601}
cleanup() {
  pb_stop node
  [ -n "${RECORDER:-}" ] && kill "$RECORDER" 2>/dev/null
  [ -n "${SINK:-}" ] && kill "$SINK" 2>/dev/null
  if [ "${KEEP:-}" = 1 ]; then echo "work dir kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
python3 bench/gen.py papers "$PAPERS" "$WORK/papers.json"
python3 bench/gen.py subscribers "$SUBSCRIBERS" "$WORK/subscribers.json" sub "${INTERESTS:-pairs}"
python3 bench/gen.py subscribers 1 "$WORK/sample.json" size

SENDERS_ENV=()
[ -n "${SENDERS:-}" ] && SENDERS_ENV=(PAPERBOY_DELIVERY_SENDERS="$SENDERS")
# PLAN_ONLY=1: the node sends one message a second, and the run is timed until every shard is planned: planning's
# own CPU, without the senders'
[ "${PLAN_ONLY:-}" = 1 ] && SENDERS_ENV+=(PAPERBOY_SMTP_RATE=1)
# the clock's pass is off: it would plan the same subscribers as the forced run (to find them served) meanwhile
pb_start node "$PORT" "$WORK/data" PAPERBOY_SMTP_HOST=127.0.0.1 PAPERBOY_SMTP_PORT="$SMTP" PAPERBOY_DIGEST_SCHEDULE=off \
  "${SENDERS_ENV[@]}"
echo "papers: $(post_json "$PORT" /api/admin/papers "$WORK/papers.json")"
[ "${THREADS:-}" = 1 ] && { python3 bench/threads.py sample "$(pid_of node)" "$WORK/threads.tsv" & }

# sample_and_ceiling: one digest into a recorder for the size of a message, then the ceiling with that size
sample_and_ceiling() {
  recorder "$SMTP" "$WORK/sample.tsv"
  post_json "$PORT" /api/admin/subscribers "$WORK/sample.json" > /dev/null
  wait_run "$PORT" "$(force_run "$PORT")" 120 > /dev/null
  kill "$RECORDER"; RECORDER=
  SIZE=$(cut -f3 "$WORK/sample.tsv" | head -1)
  [ -n "$SIZE" ] || { echo "the sample digest was not sent"; exit 1; }
  echo "message size of a digest: $SIZE bytes"
  CEILING_LINE=$(bash bench/smtp-limit.sh 20000 "$SIZE" 8 "$((SMTP + 1))" | tail -1)
  echo "$CEILING_LINE"
  CEILING=$(echo "$CEILING_LINE" | sed -E 's/.* = ([0-9]+) messages\/s/\1/')
}
CEILING=0
[ "${EARLY:-}" = 1 ] || sample_and_ceiling

smtp-sink -u nobody 127.0.0.1:"$SMTP" 1000 > /dev/null 2>&1 &
SINK=$!
sleep 0.5

IMPORT=$(curl -sS -o "$WORK/import.json" -w '%{time_total}' -X POST -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' --data-binary @"$WORK/subscribers.json" "http://localhost:$PORT/api/admin/subscribers")
echo "subscriber import: $SUBSCRIBERS in one request ($(du -h "$WORK/subscribers.json" | cut -f1)) in ${IMPORT} s: $(cat "$WORK/import.json")"

# timed_run BODY: the run, timed from its request: when every shard is planned, and when the last digest is recorded
# as sent; CPU seconds of the node, its embedded PostgreSQL and smtp-sink (bench/cpu.py) for planning and for the
# sending tail
timed_run() {
python3 - "$PORT" "$TOKEN" "$CEILING" "$(pid_of node)" "$WORK/data/postgres" "$SINK" "${PLAN_ONLY:-0}" \
  "${THREADS:+$WORK/threads.tsv}" "$1" "$WORK/rate" <<'PY'
import json, sys, time, urllib.request
from datetime import datetime
sys.path.insert(0, 'bench')
import cpu
port, token, ceiling = sys.argv[1], sys.argv[2], float(sys.argv[3])
node, pg_data, sink, plan_only = int(sys.argv[4]), sys.argv[5], int(sys.argv[6]), sys.argv[7] == '1'
def call(method, path, body=None):
    request = urllib.request.Request(f'http://localhost:{port}{path}', method=method, data=body,
                                     headers={'Authorization': f'Bearer {token}', 'Content-Type': 'application/json'})
    with urllib.request.urlopen(request) as answer:
        return json.load(answer)
import subprocess
def vectors():  # papers, with a vector, with halves too (the embedded PostgreSQL's password is in the data dir)
    port_pg = open(f'{pg_data}/postmaster.pid').read().split('\n')[3]
    import os
    secrets = dict(line.strip().split('=', 1) for line in open(f'{pg_data}/../secrets.properties')
                   if '=' in line and not line.startswith('#'))
    answer = subprocess.run(['psql', '-h', 'localhost', '-p', port_pg, '-U', 'postgres', '-d', 'postgres', '-tAF', ' ',
                           '-c', 'select (select count(*) from paper), count(*), count(halves) from paper_vector'],
                          capture_output=True, text=True,
                          env={**os.environ, 'PGPASSWORD': secrets.get('database-password', '').replace('\\', '')})
    return (answer.stdout or answer.stderr).strip()
embedded_before = vectors()
before = cpu.sample(node, pg_data, sink)
start = time.time()
run = call('POST', '/api/admin/digests/run', sys.argv[9].encode())['runId']
planned = None
while True:
    report = call('GET', f'/api/admin/runs/{run}')
    now = time.time()
    if planned is None and report['shards'] > 0 and report['shardsPlanned'] == report['shards']:
        planned = (now - start, report['sent'], cpu.sample(node, pg_data, sink))
        if plan_only:  # the report counts digests before it reads the shards: the last batch may be missing
            report = call('GET', f'/api/admin/runs/{run}')
    if report['state'] in ('finished', 'failed') or (planned and plan_only):
        break
    # once a second: each report counts the run's digests by state, ~10-25 ms of PostgreSQL, which asked 5 times a
    # second took half of PostgreSQL's CPU while sending; the run's end is its own finishedAt, not when we looked
    time.sleep(1)
after = cpu.sample(node, pg_data, sink)
print(f"papers / with a vector / with halves: {embedded_before} at the run's request, {vectors()} at its end")
sent = report['sent']
seconds = (datetime.fromisoformat(report['finishedAt'].replace('Z', '+00:00')).timestamp() - start
           if report.get('finishedAt') else now - start)
print(f"run {run}: {json.dumps(report)}")
if planned:
    print(f"planning: every shard planned {planned[0]:.1f} s after the request ({report['due']} digests decided, "
          f"{report['due'] / planned[0]:.0f}/s), {planned[1]} sent by then; the rest sent in "
          f"{seconds - planned[0]:.1f} s ({(sent - planned[1]) / max(0.001, seconds - planned[0]):.0f}/s)")
    print(cpu.report('while planning (sending meanwhile)', before, planned[2], report['due']))
    if plan_only:
        sys.exit(0)
    print(cpu.report('of the sending tail', planned[2], after, sent - planned[1]))
print(cpu.report('of the whole run', before, after, sent))
print(f"delivery: {sent} digests sent in {seconds:.1f} s (run request to the last recorded as sent) = "
      f"{sent / seconds:.0f}/s; " + (f"ceiling {ceiling:.0f}/s; ratio {sent / seconds / ceiling:.2f}" if ceiling
                                    else "ceiling measured after the run"))
open(f'{sys.argv[10]}', 'w').write(f'{sent / seconds}')
if sys.argv[8]:
    import threads
    time.sleep(1.5)  # the sampler's next look, after the run's end
    print("the node's CPU by thread group over the whole run, then while planning (sending meanwhile), then in the "
          "sending tail:")
    threads.groups(sys.argv[8], [start, start + seconds])
    if planned:
        threads.groups(sys.argv[8], [start, start + planned[0], start + seconds])
    print("the node's CPU by thread group, second by second from the run request:")
    threads.timeline(sys.argv[8], start, start + seconds)
PY
}
timed_run '{"force": true}'
if [ "${EARLY:-}" = 1 ]; then
  kill "$SINK"; wait "$SINK" 2>/dev/null || true; SINK=
  sample_and_ceiling
  python3 -c "import sys; r = float(open(sys.argv[1]).read()); print(f'early run: {r:.0f}/s; ceiling {sys.argv[2]}/s; ratio {r / float(sys.argv[2]):.2f}')" "$WORK/rate" "$CEILING"
  smtp-sink -u nobody 127.0.0.1:"$SMTP" 1000 > /dev/null 2>&1 &
  SINK=$!
  sleep 0.5
fi

# WARM=1: the same node, warm, serves the same subscribers a second time: 1,000 papers new to it (another seed, the
# same sizes) and the next day's period, asked as operators can (a forced run "at" a day later: a new period for every
# zone), against the same ceiling. What the first run's cold start cost is the difference.
if [ "${WARM:-}" = 1 ]; then
  python3 bench/gen.py papers "$PAPERS" "$WORK/papers2.json" 9
  echo "second batch of papers (warm node): $(post_json "$PORT" /api/admin/papers "$WORK/papers2.json")"
  # as before the first run (embedded during the ceiling's measurement and the import), and as papers ingested hours
  # before a delivery hour would be: the node's background embedding is done before the run (the node idle for 3 s)
  python3 - "$(pid_of node)" <<'PY'
import sys, time
def ticks():
    return sum(int(x) for x in open(f'/proc/{sys.argv[1]}/stat').read().rsplit(')', 1)[1].split()[11:13])
start, last, idle = time.time(), ticks(), 0
while idle < 3 and time.time() - start < 300:
    time.sleep(1)
    now = ticks()
    idle, last = (idle + 1 if now - last < 5 else 0), now  # under 5 % of a core
print(f"the node's background work (embedding the new papers) done {time.time() - start:.0f} s after the import")
PY
  NEXT_DAY=$(date -u -d '+1 day' +%Y-%m-%dT%H:%M:%SZ)
  echo "second run, warm, forced at $NEXT_DAY: load $(cut -d' ' -f1-3 /proc/loadavg)"
  timed_run "{\"force\": true, \"at\": \"$NEXT_DAY\"}"
fi
echo "load after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "node: $(grep -E 'VmHWM' /proc/"$(pid_of node)"/status | tr -s ' ') (heap capped at 512 MB; RSS adds metaspace, code, threads)"
