package dev.paperboy.paper.source;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Duration;

/**
 * Keeps requests to one host at least an interval apart across every node: each request reserves the next free
 * turn in the database (by the database's clock), then waits for it without holding any lock.
 */
@ApplicationScoped
class RequestPace {

    static final String ARXIV = "arxiv";

    private final EntityManager entityManager;

    RequestPace(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Waits for this node's turn to ask {@code host}, which then is not asked again for {@code interval}. */
    void await(String host, Duration interval) throws InterruptedException {
        double seconds = interval.toNanos() / 1e9;
        Number wait = QuarkusTransaction.requiringNew().call(() -> (Number) entityManager.createNativeQuery("""
                        update request_pace set next_at = greatest(next_at, clock_timestamp()) + make_interval(secs => ?1)
                        where host = ?2
                        returning extract(epoch from (next_at - make_interval(secs => ?1) - clock_timestamp()))""")
                .setParameter(1, seconds).setParameter(2, host).getSingleResult());
        long millis = (long) Math.ceil(wait.doubleValue() * 1000);
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
