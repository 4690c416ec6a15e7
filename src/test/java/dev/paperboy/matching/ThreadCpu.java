package dev.paperboy.matching;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The CPU time of this process by kind of thread, read from Linux's /proc/self/task (empty elsewhere): the JIT's
 * compiler threads, the garbage collector's, and the rest (the benchmark's ranking threads and the JVM's others).
 * A cold run's extra seconds are mostly the JIT's: they show here, beside the ranking's own.
 */
final class ThreadCpu {

    static final String JIT = "JIT";
    static final String GC = "GC";
    static final String OTHER = "other";
    /** Linux counts thread CPU time in ticks of 1/100 s (USER_HZ). */
    private static final double TICK = 0.01;

    private ThreadCpu() {
    }

    /** Seconds of CPU so far by kind, for the threads alive now. */
    static Map<String, Double> now() {
        Map<String, Double> seconds = new TreeMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return seconds;
        }
        try (Stream<Path> threads = Files.list(tasks)) {
            threads.forEach(thread -> {
                try {
                    String stat = Files.readString(thread.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    // after the name: state is field 3 of stat, utime field 14 and stime field 15
                    double cpu = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK;
                    seconds.merge(kind(name), cpu, Double::sum);
                } catch (IOException | RuntimeException gone) {
                    // a thread that ended between the listing and the read
                }
            });
        } catch (IOException e) {
            return seconds;
        }
        return seconds;
    }

    private static String kind(String name) {
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
            return JIT;
        }
        if (name.startsWith("GC Thread") || name.startsWith("VM Thread") || name.startsWith("G1 ")
                || name.startsWith("ParGC")) {
            return GC;
        }
        return OTHER;
    }

    /** What each kind used between two readings. */
    static Map<String, Double> since(Map<String, Double> before) {
        Map<String, Double> used = new TreeMap<>(now());
        used.replaceAll((kind, seconds) -> seconds - before.getOrDefault(kind, 0.0));
        return used;
    }
}
