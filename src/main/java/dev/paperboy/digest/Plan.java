package dev.paperboy.digest;

import java.time.Instant;

/**
 * What one run plans with: its id, the moment whose periods it serves, whether it is forced, the end of its paper
 * window (read once for the run), and the matcher of that window.
 */
record Plan(long runId, Instant runAt, boolean forced, Instant until, OnceMatcher matcher) {
}
