package dev.paperboy.paper.source;

import dev.paperboy.system.PaperboyConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that run the sources' scheduled polls, apart from Quartz's: a poll may wait minutes (arXiv's pace, a
 * short Retry-After, a slow server within its timeouts), and Quartz's few threads also send digests and mails.
 * A source fired again while its poll is queued or running is polled once more after it, as Quartz would have.
 */
@ApplicationScoped
class PollThreads {

    private static final Logger LOG = Logger.getLogger(PollThreads.class);

    private final SourcePoller poller;
    private final ExecutorService threads;
    /** Sources queued or being polled, each with whether it was fired again meanwhile. */
    private final Map<String, Boolean> pending = new ConcurrentHashMap<>();

    PollThreads(SourcePoller poller, PaperboyConfig config) {
        this.poller = poller;
        AtomicInteger number = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(config.fetch().threads(), task -> {
            Thread thread = new Thread(task, "source-poll-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Polls the source on one of these threads, soon; returns at once. */
    void submit(String name) {
        boolean[] start = {false};
        pending.compute(name, (key, firedAgain) -> {
            start[0] = firedAgain == null;
            return firedAgain != null;
        });
        if (start[0]) {
            threads.execute(() -> run(name));
        }
    }

    private void run(String name) {
        boolean again = true;
        while (again) {
            try {
                poller.pollScheduled(name);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Scheduled poll of source %s failed", name);
            }
            boolean[] firedAgain = {false};
            pending.compute(name, (key, fired) -> {
                firedAgain[0] = Boolean.TRUE.equals(fired);
                return firedAgain[0] ? Boolean.FALSE : null;
            });
            again = firedAgain[0];
        }
    }

    @PreDestroy
    void stop() {
        threads.shutdownNow();
    }
}
