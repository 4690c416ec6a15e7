package dev.paperboy;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Polls a condition with a deadline, for what happens after an answer (queued jobs): no fixed sleep assumes speed. */
public final class Await {

    private Await() {
    }

    /** Returns once {@code condition} holds, or after {@code deadline} with whatever it then says. */
    public static boolean until(Duration deadline, BooleanSupplier condition) {
        Instant end = Instant.now().plus(deadline);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return condition.getAsBoolean();
            }
        }
        return true;
    }

    /** Returns once {@code condition} holds; fails the test saying what did not come when {@code deadline} passes. */
    public static void that(String what, Duration deadline, BooleanSupplier condition) {
        if (!until(deadline, condition)) {
            throw new AssertionError("no " + what + " within " + deadline.toSeconds() + " s");
        }
    }

    /** Waits for {@code time} (for what must not happen meanwhile), failing the test if interrupted. */
    public static void pause(Duration time) {
        try {
            Thread.sleep(time.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
