package dev.paperboy.matching;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * Looks at the window in the database for many callers at once, without ever answering one with a look that began
 * before it asked: callers who ask while a look is under way wait together for the next one, which starts when that
 * look is done. Under a burst of previews the database sees one query per round trip instead of one per request,
 * and every caller still sees every paper committed before it asked.
 */
final class WindowLooks<W> {

    private final Function<Instant, W> look;
    private final Object lock = new Object();
    private final Object running = new Object();
    /** The next look, not started yet, that callers join; null when none is waiting. */
    private Round<W> open;

    WindowLooks(Function<Instant, W> look) {
        this.look = look;
    }

    private record Round<W>(Instant oldest, CompletableFuture<W> result, int[] callers) {
    }

    /** How many callers wait for the next look (tests). */
    int waiting() {
        synchronized (lock) {
            return open == null ? 0 : open.callers()[0];
        }
    }

    W look(Instant oldest) {
        Round<W> round;
        boolean leads = false;
        synchronized (lock) {
            if (open != null) {
                if (!open.oldest().equals(oldest)) {
                    return look.apply(oldest); // asked about another window (a rebuild is under way): alone
                }
                round = open;
            } else {
                round = new Round<>(oldest, new CompletableFuture<>(), new int[1]);
                open = round;
                leads = true; // the caller that made the round runs it; the others wait for it
            }
            round.callers()[0]++;
        }
        if (!leads) {
            try {
                return round.result().join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        synchronized (running) { // the look before this one ends first; meanwhile others join this round
            synchronized (lock) {
                open = null; // from here on, callers make the next round: this look starts after they asked
            }
            try {
                W seen = look.apply(oldest);
                round.result().complete(seen);
                return seen;
            } catch (RuntimeException e) {
                round.result().completeExceptionally(e);
                throw e;
            }
        }
    }
}
