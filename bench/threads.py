"""The node's CPU by thread group (JIT compilers, GC, senders, planning ...), read from /proc/<pid>/task/*/stat.

  python3 bench/threads.py sample PID FILE     # once a second until PID is gone: 'time tid name ticks' lines
  python3 bench/threads.py groups FILE T0 T1 [T2 ...]   # CPU seconds per group between the samples nearest each
                                                       # pair of instants (epoch seconds), e.g. a run's runAt,
                                                       # the moment every shard was planned, and finishedAt
  python3 bench/threads.py timeline FILE T0 T1         # the same, one line per sample (about a second) from T0 to
                                                       # T1: which groups ran when (JIT, planning, senders ...)

A thread that ends between two samples loses at most its last second. Linux names a thread by its first 15 characters.
"""
import collections
import os
import re
import sys
import time

HZ = os.sysconf('SC_CLK_TCK')
GROUPS = [('C2 CompilerThre', 'JIT: C2 compiler'), ('C1 CompilerThre', 'JIT: C1 compiler'),
          ('GC Thread|G1 ', 'GC'), ('digest-sender', 'senders'), ('QuarkusQuartzSc', 'planning (Quartz workers)'),
          ('digest-outcomes', 'outcome writer'), ('^pool-', 'other pools'), ('executor-thread|vert.x', 'HTTP'),
          ('paperboy-model|paperboy-embedd', 'embedding (model, background)')]


def sample(pid, out):
    with open(out, 'w') as f:
        while os.path.exists(f'/proc/{pid}'):
            now = time.time()
            try:
                tids = os.listdir(f'/proc/{pid}/task')
            except FileNotFoundError:
                break
            for tid in tids:
                try:
                    with open(f'/proc/{pid}/task/{tid}/stat') as s:
                        raw = s.read()
                except (FileNotFoundError, ProcessLookupError):
                    continue
                name = raw[raw.index('(') + 1:raw.rindex(')')]
                fields = raw.rsplit(')', 1)[1].split()
                f.write(f'{now:.2f}\t{tid}\t{name}\t{int(fields[11]) + int(fields[12])}\n')
            f.flush()
            time.sleep(1)


def group(name):
    for pattern, label in GROUPS:
        if re.search(pattern, name):
            return label
    return 'other'


def groups(file, marks):
    threads = collections.defaultdict(list)
    for line in open(file):
        t, tid, name, ticks = line.rstrip('\n').split('\t')
        threads[tid].append((float(t), name, int(ticks)))

    def at(rows, instant):
        ticks = 0
        for t, _, n in rows:
            if t <= instant:
                ticks = n
        return ticks

    for a, b in zip(marks, marks[1:]):
        seconds, count = collections.Counter(), collections.Counter()
        for rows in threads.values():
            used = (at(rows, b) - at(rows, a)) / HZ
            if used:
                label = group(rows[-1][1])
                seconds[label] += used
                count[label] += 1
        total = sum(seconds.values())
        print(f'{b - a:.1f} s: the node\'s threads used {total:.1f} s of CPU')
        for label, s in seconds.most_common():
            print(f'  {label:28s} {s:6.1f} s {100 * s / max(total, 1e-9):5.1f} %  ({count[label]} threads)')


SHORT = {'JIT: C2 compiler': 'C2', 'JIT: C1 compiler': 'C1', 'GC': 'GC', 'senders': 'send',
         'planning (Quartz workers)': 'plan', 'outcome writer': 'write', 'other pools': 'pools', 'HTTP': 'HTTP',
         'embedding (model, background)': 'embed', 'other': 'other'}


def timeline(file, start, end):
    """CPU seconds per group between consecutive samples from start to end, one line each, timed from start."""
    threads = collections.defaultdict(list)
    instants = set()
    for line in open(file):
        t, tid, name, ticks = line.rstrip('\n').split('\t')
        threads[tid].append((float(t), name, int(ticks)))
        instants.add(float(t))
    marks = [t for t in sorted(instants) if start - 1 <= t <= end + 1]
    labels = [label for _, label in GROUPS] + ['other']
    print('    s ' + ''.join(f'{SHORT[label]:>6}' for label in labels) + '   all  (CPU seconds in each interval)')
    for a, b in zip(marks, marks[1:]):
        used = collections.Counter()
        for rows in threads.values():
            before = [n for t, _, n in rows if t <= a]
            after = [n for t, _, n in rows if t <= b]
            if after:
                used[group(rows[-1][1])] += (after[-1] - (before[-1] if before else 0)) / HZ
        print(f'{b - start:5.1f} ' + ''.join(f'{used[label]:6.2f}' for label in labels) + f'{sum(used.values()):6.2f}')


if __name__ == '__main__':
    if sys.argv[1] == 'sample':
        sample(int(sys.argv[2]), sys.argv[3])
    elif sys.argv[1] == 'timeline':
        timeline(sys.argv[2], float(sys.argv[3]), float(sys.argv[4]))
    else:
        groups(sys.argv[2], [float(x) for x in sys.argv[3:]])
