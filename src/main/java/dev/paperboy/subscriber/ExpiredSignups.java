package dev.paperboy.subscriber;

import dev.paperboy.system.PaperboyConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;

/** Every hour (one node of the cluster): sign-ups never confirmed within PAPERBOY_CONFIRM_TTL are deleted. */
@ApplicationScoped
class ExpiredSignups {

    private static final Logger LOG = Logger.getLogger(ExpiredSignups.class);

    private final SubscriberDeletion deletion;
    private final PaperboyConfig config;

    ExpiredSignups(SubscriberDeletion deletion, PaperboyConfig config) {
        this.deletion = deletion;
        this.config = config;
    }

    @Scheduled(identity = "expired-sign-ups", every = "1h", delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        deleteExpired(Instant.now());
    }

    /** Deletes the pending sign-ups whose confirmation link had expired by {@code now}; returns how many. */
    int deleteExpired(Instant now) {
        List<Long> expired = QuarkusTransaction.requiringNew().call(() -> Subscriber.<Subscriber>list(
                "state = ?1 and confirmRequestedAt < ?2", Subscriber.State.pending, now.minus(config.confirmTtl()))
                .stream().map(s -> s.id).toList());
        int deleted = (int) expired.stream().filter(deletion::delete).count();
        if (deleted > 0) {
            LOG.infof("Deleted %d sign-ups not confirmed within %s", deleted, config.confirmTtl());
        }
        return deleted;
    }
}
