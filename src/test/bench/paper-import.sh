#!/usr/bin/env bash
# Benchmark: arXiv API Atom documents of 2,000 entries imported through POST /api/admin/papers, timed from the
# client (curl's time_total: upload, parse, database writes, answer). Starts the packaged jar on a fresh embedded
# database unless PAPERBOY_URL points at a running Paperboy (then PAPERBOY_ADMIN_TOKEN must be its token).
#
#   ./mvnw -B package -DskipTests && src/test/bench/paper-import.sh [entries] [rounds]
set -euo pipefail
cd "$(dirname "$0")/../../.."
ENTRIES=${1:-2000}
ROUNDS=${2:-5}
WORK=$(mktemp -d)
trap 'if [ -n "${PID:-}" ]; then kill "$PID"; wait "$PID" 2>/dev/null || true; fi; rm -rf "$WORK"' EXIT

if [ -z "${PAPERBOY_URL:-}" ]; then
  [ -f target/quarkus-app/quarkus-run.jar ] || { echo "build first: ./mvnw -B package -DskipTests"; exit 1; }
  PORT=${PORT:-18089}
  PAPERBOY_URL="http://localhost:$PORT"
  export PAPERBOY_ADMIN_TOKEN=bench-token-0123456789abcdef
  PAPERBOY_DATA_DIR="$WORK/data" PAPERBOY_SAMPLE_DATA=false QUARKUS_HTTP_PORT=$PORT \
    java -Xmx512m -jar target/quarkus-app/quarkus-run.jar > "$WORK/paperboy.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 120); do
    curl -sf "$PAPERBOY_URL/q/health/ready" > /dev/null && break
    sleep 1
  done
  curl -sf "$PAPERBOY_URL/q/health/ready" > /dev/null || { echo "Paperboy did not start:"; tail -20 "$WORK/paperboy.log"; exit 1; }
fi

# an arXiv API answer of N entries, ids from month $2, version $3: abstracts of ~1,200 characters, 5 authors
atom() {
  python3 - "$1" "$2" "$3" <<'PY'
import sys, random
n, month, version = int(sys.argv[1]), sys.argv[2], sys.argv[3]
rnd = random.Random(month)
words = ("graph neural network transformer attention diffusion model bandit regret bound convex optimization "
         "kernel sparse retrieval language agent reinforcement policy gradient molecule protein quantum circuit "
         "federated privacy robust estimation causal inference benchmark dataset scaling law token").split()
out = ['<?xml version="1.0" encoding="UTF-8"?>',
       '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" '
       'xmlns:arxiv="http://arxiv.org/schemas/atom">',
       '<title type="html">ArXiv Query: search_query=cat:cs.LG</title>',
       '<id>http://arxiv.org/api/bench</id><updated>2026-11-10T00:00:00-05:00</updated>',
       f'<opensearch:totalResults>{n}</opensearch:totalResults>']
for i in range(n):
    pid = f"{month}.{i:05d}"
    title = " ".join(rnd.choice(words) for _ in range(9)).capitalize() + f" for k&lt;n, part {i}"
    abstract = " ".join(rnd.choice(words) for _ in range(170)) + f" (v{version})."
    out.append(f"""<entry><id>http://arxiv.org/abs/{pid}v{version}</id>
<updated>2026-11-09T17:42:10Z</updated><published>2026-11-06T18:59:59Z</published>
<title>{title}</title><summary>{abstract}</summary>
{''.join(f'<author><name>Author {rnd.randint(1, 99999)}</name></author>' for _ in range(5))}
<arxiv:comment>12 pages</arxiv:comment>
<link href="http://arxiv.org/abs/{pid}v{version}" rel="alternate" type="text/html"/>
<link title="pdf" href="http://arxiv.org/pdf/{pid}v{version}" rel="related" type="application/pdf"/>
<arxiv:primary_category term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>
<category term="cs.LG" scheme="http://arxiv.org/schemas/atom"/><category term="stat.ML" scheme="http://arxiv.org/schemas/atom"/>
</entry>""")
out.append('</feed>')
print("\n".join(out))
PY
}

# one OAI-PMH ListRecords page (metadataPrefix=arXiv) of N records, ids from month $2, page $3 of 10
oai() {
  python3 - "$1" "$2" "$3" <<'PY'
import sys, random
n, month, page = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
rnd = random.Random(f"{month}-{page}")
words = ("graph neural network transformer attention diffusion model bandit regret bound convex optimization "
         "kernel sparse retrieval language agent reinforcement policy gradient molecule protein quantum").split()
out = ['<?xml version="1.0" encoding="UTF-8"?>', '<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">',
       '<responseDate>2026-11-10T12:00:00Z</responseDate>',
       '<request verb="ListRecords" metadataPrefix="arXiv" set="cs">http://export.arxiv.org/oai2</request><ListRecords>']
for i in range(n):
    pid = f"{month}.{page * n + i:05d}"
    title = " ".join(rnd.choice(words) for _ in range(9)).capitalize() + f" {page}-{i}"
    abstract = " ".join(rnd.choice(words) for _ in range(170))
    authors = "".join(f"<author><keyname>Name{rnd.randint(1, 99999)}</keyname><forenames>A.</forenames></author>" for _ in range(5))
    out.append(f"""<record><header><identifier>oai:arXiv.org:{pid}</identifier><datestamp>2026-11-09</datestamp>
<setSpec>cs</setSpec></header><metadata><arXiv xmlns="http://arxiv.org/OAI/arXiv/"><id>{pid}</id>
<created>2026-11-08</created><authors>{authors}</authors><title>{title}</title><categories>cs.LG stat.ML</categories>
<abstract>{abstract}</abstract></arXiv></metadata></record>""")
token = f"<resumptionToken cursor=\"{page * n}\" completeListSize=\"{10 * n}\">{month}|{page + 1}</resumptionToken>" if page < 9 else "<resumptionToken/>"
out.append(token + '</ListRecords></OAI-PMH>')
print("\n".join(out))
PY
}

heap_mb() {
  curl -s "$PAPERBOY_URL/q/metrics" | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {sum += $NF} END {printf "%.0f", sum / 1048576}'
}

post() {
  curl -s -o "$WORK/answer.json" -w '%{time_total}' -H "Authorization: Bearer $PAPERBOY_ADMIN_TOKEN" \
    -H "Content-Type: $1" --data-binary "@$2" "$PAPERBOY_URL/api/admin/papers"
}

report() {
  printf '%-34s %6.3f s   %s\n' "$1" "$2" "$(tr -d '\n' < "$WORK/answer.json" | cut -c1-90)"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, $(java -version 2>&1 | head -1)"
echo "document: $ENTRIES entries, $(atom "$ENTRIES" 9901 1 | wc -c | awk '{printf "%.1f MB", $1 / 1048576}')"
atom "$ENTRIES" 9900 1 > "$WORK/warm.atom"
post application/atom+xml "$WORK/warm.atom" > /dev/null   # JIT and connection pool warm-up, not counted
for round in $(seq 1 "$ROUNDS"); do
  atom "$ENTRIES" $((9900 + round)) 1 > "$WORK/new.atom"
  report "new papers, round $round" "$(post application/atom+xml "$WORK/new.atom")"
done
report "the same document again (duplicates)" "$(post application/atom+xml "$WORK/new.atom")"
atom "$ENTRIES" $((9900 + ROUNDS)) 2 > "$WORK/v2.atom"
report "every paper at v2 (updates)" "$(post application/atom+xml "$WORK/v2.atom")"

# hostile documents: refused at once, whatever they would expand to
cat > "$WORK/bomb.xml" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
<!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;"><!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;"><!ENTITY j "&i;&i;&i;&i;&i;&i;&i;&i;&i;&i;">]>
<rss version="2.0"><channel><item><title>&j;</title><description>&j;</description></item></channel></rss>
XML
report "entity bomb (10^9 x 100 bytes)" "$(post application/rss+xml "$WORK/bomb.xml")"

# the import side of an OAI-PMH harvest: 10 pages of 2,000 records, one import each, as a harvest posts them
START=$(date +%s.%N)
for page in $(seq 0 9); do
  oai 2000 9980 "$page" > "$WORK/page.xml"
  T=$(post application/xml "$WORK/page.xml")
  TOTAL_IMPORT=$(echo "${TOTAL_IMPORT:-0} + $T" | bc)
done
printf '%-34s %6.3f s   (%s s with generating the pages), heap in use after: %s MB of -Xmx512m\n' \
  "OAI-PMH 20,000 records, 10 pages" "$TOTAL_IMPORT" "$(echo "$(date +%s.%N) - $START" | bc | cut -c1-6)" "$(heap_mb)"
