# Shared by the delivery benchmark and proofs (sourced, not run): start and stop packaged Paperboy nodes, call the
# admin API, wait for runs, count what an SMTP recorder received.
JAR=${JAR:-target/quarkus-app/quarkus-run.jar}
TOKEN=bench-token-0123456789abcdef
BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PATH=$PATH:/usr/sbin

need_jar() {
  [ -f "$JAR" ] || { echo "build first: ./mvnw -B package -DskipTests"; exit 1; }
}

# pb_start NAME PORT DATADIR [VAR=value ...]: a node in the background (heap 512 MB), its log in $WORK/NAME.log
pb_start() {
  local name=$1 port=$2 data=$3
  shift 3
  env PAPERBOY_DATA_DIR="$data" PAPERBOY_SAMPLE_DATA=false PAPERBOY_ADMIN_TOKEN=$TOKEN QUARKUS_HTTP_PORT="$port" \
    PAPERBOY_SECRET=YmVuY2gtc2VjcmV0LTAxMjM0NTY3ODk "$@" \
    java -Xmx512m ${JAVA_OPTS:-} -jar "$JAR" >> "$WORK/$name.log" 2>&1 &
  eval "PID_$name=$!"
  for _ in $(seq 1 300); do
    curl -sf "http://localhost:$port/q/health/ready" > /dev/null && return 0
    kill -0 "$(pid_of "$name")" 2>/dev/null || break
    sleep 1
  done
  echo "node $name did not start:"; tail -30 "$WORK/$name.log"; exit 1
}

pid_of() { eval "echo \${PID_$1:-}"; }

# pb_stop NAME [SIGNAL]: signal the node (TERM by default) and wait until it is gone
pb_stop() {
  local pid
  pid=$(pid_of "$1")
  [ -n "$pid" ] || return 0
  kill -"${2:-TERM}" "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  eval "PID_$1="
}

# api PORT METHOD PATH [curl args...]: the admin API with the bench token; prints the body
api() {
  local port=$1 method=$2 path=$3
  shift 3
  curl -sS -f -X "$method" -H "Authorization: Bearer $TOKEN" "http://localhost:$port$path" "$@"
}

# post_json PORT PATH FILE: posts a JSON file, prints the answer
post_json() {
  api "$1" POST "$2" -H 'Content-Type: application/json' --data-binary @"$3"
}

json_field() { python3 -c "import json,sys; print(json.load(sys.stdin)[sys.argv[1]])" "$1"; }

# force_run PORT: asks for a forced run now, prints its id
force_run() {
  api "$1" POST /api/admin/digests/run -H 'Content-Type: application/json' -d '{"force": true}' | json_field runId
}

# wait_run PORT RUNID [SECONDS]: waits until the run is finished or failed, prints its report
wait_run() {
  local report state
  for _ in $(seq 1 $((${3:-1800} * 4))); do
    report=$(api "$1" GET "/api/admin/runs/$2" 2>/dev/null || true)
    state=$(echo "$report" | python3 -c "import json,sys; print(json.load(sys.stdin)['state'])" 2>/dev/null || true)
    if [ "$state" = finished ] || [ "$state" = failed ]; then
      echo "$report"
      return 0
    fi
    sleep 0.25
  done
  echo "run $2 did not finish: $report" >&2
  return 1
}

# recorder PORT LOG [--fail-seconds N]: the recording SMTP server in the background
recorder() {
  python3 "$BENCH/smtp_record.py" "$@" &
  RECORDER=$!
  for _ in $(seq 1 50); do
    (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "the SMTP recorder did not start"; exit 1
}

# tally LOG PREFIX COUNT: how many of PREFIX0..PREFIX<COUNT-1>@bench.example got 0, 1, 2+ messages
tally() {
  python3 - "$@" <<'PY'
import collections, sys
log, prefix, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
got = collections.Counter(line.split('\t')[0] for line in open(log))
per = [got.get(f'{prefix}{i}@bench.example', 0) for i in range(count)]
print(f'subscribers: {count}; with no digest: {per.count(0)}; with exactly one: {per.count(1)}; '
      f'with two or more: {sum(1 for n in per if n > 1)}; messages: {sum(per)}')
PY
}

# pg_start DIR PORT: a throwaway cluster of Debian's PostgreSQL (package postgresql) in DIR, database paperboy owned by
# user paperboy; sets DB to the nodes' environment for it (add the SMTP variables yourself). pg_stop DIR stops it.
pg_start() {
  PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}
  mkdir "$1"; [ "$(id -u)" = 0 ] && chown postgres "$1"
  as_pg "$PG_BIN/initdb" -D "$1" -A trust -U paperboy > /dev/null
  as_pg "$PG_BIN/pg_ctl" -D "$1" -o "-p $2 -k /tmp -c listen_addresses=127.0.0.1" -l "$1/log" -w start > /dev/null
  as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$2" -U paperboy paperboy
  DB=(QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$2/paperboy" QUARKUS_DATASOURCE_USERNAME=paperboy
      QUARKUS_DATASOURCE_PASSWORD=unused)
  echo "PostgreSQL: $("$PG_BIN/postgres" --version)"
}

pg_stop() {
  [ -n "${PG_BIN:-}" ] && as_pg "$PG_BIN/pg_ctl" -D "$1" -m fast stop > /dev/null 2>&1 || true
}

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# cpu_of NAME: CPU seconds (user + system) the node has used so far
cpu_of() { awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) / hz}' /proc/"$(pid_of "$1")"/stat; }

# since START: seconds since START (a date +%s.%N), one decimal
since() { python3 -c "import time,sys; print(f'{time.time()-float(sys.argv[1]):.1f}')" "$1"; }
