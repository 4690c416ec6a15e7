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
}
