package dev.paperboy.matching.semantic;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Work of this node that cannot wait (a digest run deciding or sending): embedding that can wait (a paper's halves)
 * steps aside while any is under way and for a moment after, so a run never shares the cores with it.
 */
@ApplicationScoped
public class Foreground {

    /** How long after the last foreground work the background waits: the gaps between a run's shards and passes. */
    static final Duration QUIET = Duration.ofSeconds(3);

    private final AtomicInteger active = new AtomicInteger();
    private volatile long lastNanos = System.nanoTime() - QUIET.toNanos();

    /** Foreground work under way until the handle is closed. */
    public Work begin() {
        active.incrementAndGet();
        touch();
        return () -> {
            touch();
            active.decrementAndGet();
        };
    }

    /** Foreground work about to start (a run asked for): the background steps aside from now. */
    public void touch() {
        lastNanos = System.nanoTime();
    }

    /** Whether embedding that can wait should wait now. */
    public boolean busy() {
        return active.get() > 0 || System.nanoTime() - lastNanos < QUIET.toNanos();
    }

    /** The end of one piece of foreground work. */
    public interface Work extends AutoCloseable {
        @Override
        void close();
    }
}
