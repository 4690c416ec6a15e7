package dev.paperboy.digest;

import dev.paperboy.matching.semantic.Foreground;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * This node's delivery loop: one pass at a time sends whatever is due, then closes the runs whose digests settled.
 * Asking for a pass while one runs asks for another right after it, so digests decided meanwhile are not left for
 * the clock's next pass; the answer completes once a pass that began after the request is over.
 */
@ApplicationScoped
class DeliveryPasses {

    private static final Logger LOG = Logger.getLogger(DeliveryPasses.class);

    private final DigestDelivery delivery;
    private final RunRecords runs;
    private final Node node;
    private final Foreground foreground;
    private final ExecutorService loop = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "digest-delivery");
        thread.setDaemon(true);
        return thread;
    });
    private final List<CompletableFuture<Void>> waiting = new ArrayList<>();
    private boolean running;
    private boolean stopped;

    DeliveryPasses(DigestDelivery delivery, RunRecords runs, Node node, Foreground foreground) {
        this.delivery = delivery;
        this.runs = runs;
        this.node = node;
        this.foreground = foreground;
    }

    /** Asks for a pass; the answer completes when a pass that began after now is over (at once once stopped). */
    synchronized CompletableFuture<Void> request() {
        CompletableFuture<Void> served = new CompletableFuture<>();
        if (stopped) {
            served.complete(null);
            return served;
        }
        waiting.add(served);
        if (!running) {
            running = true;
            loop.execute(this::passes);
        }
        return served;
    }

    /** Whether a pass runs or is asked for, or the loop is stopped: a new request would add nothing now. */
    synchronized boolean busy() {
        return running || stopped;
    }

    /** No pass starts after this; those waiting for one are let go. */
    synchronized void stop() {
        stopped = true;
        waiting.forEach(served -> served.complete(null));
        waiting.clear();
    }

    private void passes() {
        while (true) {
            List<CompletableFuture<Void>> served;
            synchronized (this) {
                if (waiting.isEmpty()) {
                    running = false;
                    return;
                }
                served = new ArrayList<>(waiting);
                waiting.clear();
            }
            try (Foreground.Work work = foreground.begin()) {
                delivery.deliverDue();
            } catch (RuntimeException e) {
                LOG.error("Delivery stopped; the next pass takes it up again", e);
            }
            try {
                node.finishSettledRuns(runs);
            } catch (RuntimeException e) {
                LOG.error("Could not close the runs that settled; the next pass does", e);
            }
            served.forEach(f -> f.complete(null));
        }
    }

    @PreDestroy
    void shutdownLoop() {
        loop.shutdownNow();
    }
}
