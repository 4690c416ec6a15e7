package dev.paperboy.system;

import java.time.Duration;

/** A configured duration in words for people: "7 days", "1 day", "12 hours", "30 minutes". */
public final class Durations {

    private Durations() {
    }

    public static String words(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes >= 1440 && minutes % 1440 == 0) {
            return plural(minutes / 1440, "day");
        }
        if (minutes >= 60 && minutes % 60 == 0) {
            return plural(minutes / 60, "hour");
        }
        return plural(Math.max(minutes, 1), "minute");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
