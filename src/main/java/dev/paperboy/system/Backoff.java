package dev.paperboy.system;

import java.time.Duration;

/** The wait before a retry: the first wait, doubled for each attempt already made, never longer than half an hour. */
public final class Backoff {

    public static final Duration LONGEST_WAIT = Duration.ofMinutes(30);

    private Backoff() {
    }

    /** The wait after attempt number {@code attempt} (1 for the first) failed. */
    public static Duration after(Duration first, int attempt) {
        Duration wait = first;
        // doubling stops at the cap, so neither a tiny first wait stops short of it nor a huge attempt overflows
        for (int doubled = 1; doubled < attempt && doubled < 64 && wait.compareTo(LONGEST_WAIT) < 0; doubled++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }
}
