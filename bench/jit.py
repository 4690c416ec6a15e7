"""The JIT's work in a JFR recording (issue 8): C2 and C1 compilations, their time by area of the code, the methods C2
compiled more than once (recompiles after deoptimisation, on-stack replacements), and the deoptimisations by reason.

    python3 bench/jit.py node.jfr [from-instant to-instant] [top]

The recording needs jdk.Compilation with a 0 ms threshold (every compilation; the JDK's profile.jfc keeps only those
over 100 ms): copy $JAVA_HOME/lib/jfr/profile.jfc, set that event's threshold to 0 ms, and pass it with
JAVA_OPTS=-XX:StartFlightRecording=filename=...,settings=that.jfc to bench/delivery.sh (KEEP=1). The instants (ISO-8601,
UTC, for example the run's startedAt and finishedAt) limit the count to the run.
"""
import collections
import json
import re
import subprocess
import sys
from datetime import datetime

AREAS = [('dev/paperboy/digest', 'Paperboy digest'), ('dev/paperboy/mail', 'Paperboy mail'),
         ('dev/paperboy/matching', 'Paperboy matching'), ('dev/paperboy', 'Paperboy other'),
         ('org/postgresql', 'pgjdbc'), ('org/apache/lucene', 'Lucene'), ('org/eclipse/angus', 'Angus/Jakarta Mail'),
         ('jakarta/mail', 'Angus/Jakarta Mail'), ('com/sun/mail', 'Angus/Jakarta Mail'), ('io/quarkus/qute', 'Qute'),
         ('org/hibernate', 'Hibernate'), ('io/agroal', 'Agroal'), ('io/quarkus', 'Quarkus'), ('io/vertx', 'Vert.x'),
         ('io/netty', 'Netty'), ('org/simplejavamail', 'DKIM'), ('net/markenwerk', 'DKIM'), ('java/', 'JDK'),
         ('javax/', 'JDK'), ('jdk/', 'JDK'), ('sun/', 'JDK'), ('com/sun/', 'JDK')]


def area(cls):
    for prefix, name in AREAS:
        if cls.startswith(prefix):
            return name
    return 'other'


def seconds(duration):
    m = re.fullmatch(r'PT(?:(\d+)M)?([\d.]+)S', duration)
    return (int(m.group(1) or 0) * 60 + float(m.group(2))) if m else 0.0


def instant(text):
    return datetime.fromisoformat(text.replace('Z', '+00:00')).timestamp()


def main():
    path = sys.argv[1]
    start = instant(sys.argv[2]) if len(sys.argv) > 3 else None
    end = instant(sys.argv[3]) if len(sys.argv) > 3 else None
    top = int(sys.argv[4]) if len(sys.argv) > 4 else 15
    out = subprocess.run(['jfr', 'print', '--json', '--events', 'jdk.Compilation,jdk.Deoptimization', path],
                         check=True, capture_output=True, text=True).stdout
    events = json.loads(out)['recording']['events']
    comps, deopts = [], []
    for e in events:
        v = e['values']
        t = instant(v['startTime'])
        if start is not None and not (start <= t <= end):
            continue
        (comps if e['type'] == 'jdk.Compilation' else deopts).append(v)

    def name(m):
        return m['type']['name'] + '.' + m['name'] if m else '?'

    for level, label in ((4, 'C2'), (None, 'C1')):
        chosen = [c for c in comps if (c['compileLevel'] == 4) == (level == 4)]
        total = sum(seconds(c['duration']) for c in chosen)
        print(f"{label}: {len(chosen)} compilations ({sum(1 for c in chosen if c['isOsr'])} on-stack), "
              f"{total:.2f} s of compile time (the events' durations), "
              f"{sum(c['codeSize'] for c in chosen) / 1024:.0f} KB of code")
    c2 = [c for c in comps if c['compileLevel'] == 4]
    total = sum(seconds(c['duration']) for c in c2) or 1
    by_area = collections.Counter()
    count_area = collections.Counter()
    for c in c2:
        by_area[area(c['method']['type']['name'])] += seconds(c['duration'])
        count_area[area(c['method']['type']['name'])] += 1
    print('C2 compile time by area of the compiled method:')
    for a, s in by_area.most_common():
        print(f'  {a:<22} {s:6.2f} s {100 * s / total:5.1f} %  {count_area[a]:4d} compilations')
    per_method = collections.defaultdict(list)
    for c in c2:
        per_method[name(c['method'])].append(c)
    again = sorted(((m, cs) for m, cs in per_method.items() if len(cs) > 1),
                   key=lambda mc: -sum(seconds(c['duration']) for c in mc[1]))
    print(f'C2 compiled {len(again)} methods more than once ({sum(len(cs) for _, cs in again)} compilations, '
          f'{sum(seconds(c["duration"]) for _, cs in again for c in cs):.2f} s); the largest:')
    for m, cs in again[:top]:
        print(f'  {len(cs)}x ({sum(1 for c in cs if c["isOsr"])} osr) {sum(seconds(c["duration"]) for c in cs):5.2f} s  {m}')
    print('largest single C2 compilations:')
    for c in sorted(c2, key=lambda c: -seconds(c['duration']))[:top]:
        print(f'  {seconds(c["duration"]):5.3f} s {c["codeSize"] // 1024:4d} KB{" osr" if c["isOsr"] else ""}  '
              f'{name(c["method"])}')
    reasons = collections.Counter((d.get('reason'), d.get('action')) for d in deopts)
    print(f'{len(deopts)} deoptimisations; by reason and action:')
    for (r, a), n in reasons.most_common(10):
        print(f'  {n:5d}  {r} / {a}')
    ours = collections.Counter(name(d.get('method')) for d in deopts
                               if d.get('method') and d['method']['type']['name'].startswith('dev/paperboy'))
    print('deoptimised methods of Paperboy, most often first:')
    for m, n in ours.most_common(top):
        print(f'  {n:4d}  {m}')


if __name__ == '__main__':
    main()
