package dev.paperboy.digest;

import dev.paperboy.mail.MailConnection;
import dev.paperboy.mail.MailContent;
import dev.paperboy.mail.MailFailure;
import dev.paperboy.mail.MailGateway;
import dev.paperboy.subscriber.Subscriber;
import dev.paperboy.system.PaperboyConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Sends decided digests: claims a batch under a lease (so a crashed sender's work is taken over, never done twice
 * at once), sends it over one connection, and records each outcome; failed sends wait and are retried.
 */
@ApplicationScoped
class DigestDelivery {

    private static final Logger LOG = Logger.getLogger(DigestDelivery.class);

    private static final String CLAIM = """
            update digest set state = 'sending', lease_until = now() + cast(?1 as interval), attempts = attempts + 1
            where id in (select id from digest
                         where state = 'queued'
                            or (state = 'retrying' and next_attempt_at <= now())
                            or (state = 'sending' and lease_until < now())
                         order by id limit ?2
                         for update skip locked)
            returning id""";

    private final EntityManager entityManager;
    private final MailGateway gateway;
    private final DigestMail mail;
    private final PaperboyConfig config;

    DigestDelivery(EntityManager entityManager, MailGateway gateway, DigestMail mail, PaperboyConfig config) {
        this.entityManager = entityManager;
        this.gateway = gateway;
        this.mail = mail;
        this.config = config;
    }

    /** Sends everything that is due now; returns how many digests were sent. */
    int deliverDue() {
        int sent = 0;
        try (MailConnection connection = gateway.open()) {
            List<Long> batch;
            while (!(batch = claim()).isEmpty()) {
                for (long digestId : batch) {
                    if (deliver(connection, digestId)) {
                        sent++;
                    }
                }
            }
        }
        return sent;
    }

    private List<Long> claim() {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(CLAIM, Long.class)
                .setParameter(1, config.deliveryLease().toMillis() + " milliseconds")
                .setParameter(2, config.digest().batchSize())
                .getResultList());
    }

    private boolean deliver(MailConnection connection, long digestId) {
        Optional<MailContent> content = QuarkusTransaction.requiringNew().call(() -> compose(digestId));
        if (content.isEmpty()) {
            record(digestId, "cancelled", null, null);
            return false;
        }
        try {
            connection.send(content.get());
            record(digestId, "sent", null, null);
            return true;
        } catch (MailFailure failure) {
            failed(digestId, failure);
            return false;
        }
    }

    /** The mail of a claimed digest, or empty when its subscriber has left or paused since it was decided. */
    private Optional<MailContent> compose(long digestId) {
        Digest digest = Digest.findById(digestId);
        Subscriber subscriber = Subscriber.findById(digest.subscriberId);
        if (subscriber.state != Subscriber.State.active) {
            return Optional.empty();
        }
        return Optional.of(mail.compose(digest, subscriber));
    }

    private void failed(long digestId, MailFailure failure) {
        Digest digest = QuarkusTransaction.requiringNew().call(() -> Digest.<Digest>findById(digestId));
        boolean giveUp = failure.permanent() || digest.attempts >= config.digest().maxAttempts();
        Duration wait = config.digest().retryBackoff().multipliedBy(1L << Math.min(digest.attempts - 1, 10));
        LOG.warnf("Digest %d (attempt %d) not sent: %s%s", digestId, digest.attempts, failure.getMessage(),
                giveUp ? "; giving up" : "; retrying in " + wait);
        record(digestId, giveUp ? "failed" : "retrying", failure.getMessage(), giveUp ? null : wait);
    }

    private void record(long digestId, String state, String error, Duration retryIn) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        update digest set state = ?2, last_error = ?3, lease_until = null,
                               sent_at = case when ?2 = 'sent' then now() else sent_at end,
                               next_attempt_at = case when ?4 >= 0 then now() + ?4 * interval '1 millisecond' end
                        where id = ?1 and state = 'sending'""")
                .setParameter(1, digestId).setParameter(2, state).setParameter(3, error)
                .setParameter(4, retryIn == null ? -1L : retryIn.toMillis())
                .executeUpdate());
    }
}
