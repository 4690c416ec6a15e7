package dev.paperboy.paper.source;

import java.time.Duration;

/** Durations the way an operator writes them: 90s, 30m, 1h, 2d. */
final class Durations {

    private Durations() {
    }

    static String format(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds % 86400 == 0) {
            return seconds / 86400 + "d";
        }
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }
}
