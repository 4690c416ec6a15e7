#!/usr/bin/env bash
# (a copy of the team's /work/shared/tools/smtp-limit.sh, so the benchmark runs on a machine without it)
# Measures the raw SMTP ceiling of this machine: postfix's smtp-source blasting into smtp-sink on
# loopback, no rendering, no database. The yardstick for delivery benchmarks: run it in the same
# session as the benchmark and quote the benchmark as a ratio of it.
# usage: smtp-limit.sh [messages=20000] [size-bytes=30000] [sessions=8] [port=2599]
set -euo pipefail
n=${1:-20000} size=${2:-30000} sessions=${3:-8} port=${4:-2599}
if ! command -v smtp-sink >/dev/null; then
  echo "installing postfix for smtp-sink/smtp-source" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postfix >/dev/null
fi
PATH=$PATH:/usr/sbin
smtp-sink -u nobody -c 127.0.0.1:$port 1000 >/dev/null 2>&1 &
sink=$!
trap 'kill $sink 2>/dev/null' EXIT
sleep 0.5
start=$(date +%s.%N)
smtp-source -s "$sessions" -l "$size" -m "$n" -f from@example.org -t to@example.org 127.0.0.1:$port
end=$(date +%s.%N)
python3 -c "import sys; n,s,e=int(sys.argv[1]),float(sys.argv[2]),float(sys.argv[3]); print(f'smtp ceiling: {n} messages of {sys.argv[4]} bytes over {sys.argv[5]} sessions in {e-s:.2f} s = {n/(e-s):.0f} messages/s')" "$n" "$start" "$end" "$size" "$sessions"
