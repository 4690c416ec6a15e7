#!/usr/bin/env bash
# Ranking quality measured from outside, as a checker would (BENCHMARKS.md "Matching quality"): the packaged jar on a
# fresh embedded database with its 62 bundled sample papers; for each judged interest, nDCG@10 of `GET /api/preview`;
# then one subscriber per judged interest imported in one request, one forced run into a recording SMTP server, and
# precision and recall of the on-topic papers among the titles each person's mail holds. It checks that the harness
# (src/test/bench/matching-quality.sh) measures what the service really previews and mails.
#
#   ./mvnw -B package -DskipTests && bench/quality-outside.sh [judgments.json ...]
# (default: every src/test/resources/quality/judgments*.json). KEEP=1 keeps the work dir (the mails as .eml).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
need_jar
SETS=("$@")
[ ${#SETS[@]} -gt 0 ] || SETS=(src/test/resources/quality/judgments*.json)
WORK=$(mktemp -d /tmp/paperboy-quality.XXXXXX)
PORT=${PORT:-18093}
SMTP=${SMTP:-2605}
cleanup() {
  pb_stop node
  [ -n "${RECORDER:-}" ] && kill "$RECORDER" 2>/dev/null
  if [ "${KEEP:-}" = 1 ]; then echo "work dir kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

mkdir "$WORK/mails"
recorder "$SMTP" "$WORK/sent.tsv" --keep "$WORK/mails"
# the bundled sample papers (as a newcomer's first start has them); the clock's pass off (the forced run decides)
pb_start node "$PORT" "$WORK/data" PAPERBOY_SAMPLE_DATA=true PAPERBOY_SMTP_HOST=127.0.0.1 PAPERBOY_SMTP_PORT="$SMTP" \
  PAPERBOY_DIGEST_SCHEDULE=off PAPERBOY_RATE_LIMIT_PREVIEW_REQUESTS=0
python3 bench/quality_outside.py "$PORT" "$TOKEN" "$WORK" "${SETS[@]}"
