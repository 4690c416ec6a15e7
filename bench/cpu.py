"""CPU seconds (user + system) per process group, read from /proc: imported by the benchmarks' timing scripts.

The node's JVM (all its threads); the embedded PostgreSQL: its postmaster, every live child (backends, writer,
WAL writer, checkpointer ...) and the children that already ended (the postmaster's reaped children's time,
cutime + cstime); smtp-sink; and the whole machine (every process, the other engineers' work included).
"""
import os

HZ = os.sysconf('SC_CLK_TCK')


def _stat(pid):
    try:
        with open(f'/proc/{pid}/stat') as f:
            fields = f.read().rsplit(')', 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return None
    # after the name: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14)
    return int(fields[1]), int(fields[11]) + int(fields[12]), int(fields[13]) + int(fields[14])


def _postmaster(data_dir):
    try:
        with open(os.path.join(data_dir, 'postmaster.pid')) as f:
            return int(f.readline())
    except (FileNotFoundError, ValueError):
        return None


def postgres(data_dir):
    master = _postmaster(data_dir)
    if master is None:
        return 0.0
    own = _stat(master)
    if own is None:
        return 0.0
    ticks = own[1] + own[2]
    for entry in os.listdir('/proc'):
        if entry.isdigit():
            stat = _stat(int(entry))
            if stat and stat[0] == master:
                ticks += stat[1]
    return ticks / HZ


def process(pid):
    stat = _stat(pid) if pid else None
    return stat[1] / HZ if stat else 0.0


def machine():
    with open('/proc/stat') as f:
        cpu = [int(v) for v in f.readline().split()[1:]]
    return (sum(cpu) - cpu[3] - cpu[4]) / HZ  # all but idle and iowait


def sample(node_pid, pg_data, sink_pid):
    return {'node': process(node_pid), 'postgres': postgres(pg_data), 'smtp-sink': process(sink_pid),
            'machine': machine()}


def report(label, before, after, digests):
    """One line: CPU seconds of each group between two samples, and per digest."""
    parts = []
    ours = 0.0
    for group in ('node', 'postgres', 'smtp-sink'):
        seconds = after[group] - before[group]
        ours += seconds
        parts.append(f"{group} {seconds:.1f} s ({1000 * seconds / max(1, digests):.2f} ms)")
    machine = after['machine'] - before['machine']
    return (f"CPU {label}, {digests} digests: " + ', '.join(parts)
            + f"; these three {ours:.1f} s ({1000 * ours / max(1, digests):.2f} ms/digest);"
            + f" whole machine {machine:.1f} s (others' work included)")
