package dev.paperboy.subscriber;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * What bounces do to a subscriber: a hard one (the relay refused the address at send time, or a 5.x.x notification
 * came back) moves them to {@code bounced} at once; soft ones (4.x.x, delays) do once enough of their mails have
 * bounced within a while. No digest goes to a bounced subscriber; the reason is kept for the operator.
 */
@ApplicationScoped
public class SubscriberBounces {

    private static final Logger LOG = Logger.getLogger(SubscriberBounces.class);

    private final EntityManager entityManager;

    SubscriberBounces(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Records one bounce of one mail ({@code mailKey}: its Message-ID, the same for a notification read twice) and
     * applies it; returns true when the subscriber is now bounced.
     */
    @Transactional
    public boolean record(long subscriberId, String mailKey, boolean hard, String reason, int softLimit, Duration softWithin) {
        entityManager.createNativeQuery("""
                        insert into subscriber_bounce (subscriber_id, mail_key, hard, reason) values (?1, ?2, ?3, ?4)
                        on conflict do nothing""")
                .setParameter(1, subscriberId).setParameter(2, mailKey).setParameter(3, hard).setParameter(4, reason)
                .executeUpdate();
        boolean bounce = hard || ((Number) entityManager.createNativeQuery("""
                        select count(distinct mail_key) from subscriber_bounce
                        where subscriber_id = ?1 and not hard and received_at > now() - ?2 * interval '1 millisecond'""")
                .setParameter(1, subscriberId).setParameter(2, softWithin.toMillis()).getSingleResult()).intValue() >= softLimit;
        if (!bounce) {
            return false;
        }
        int moved = entityManager.createNativeQuery("""
                        update subscriber set state = 'bounced', bounced_at = now(), bounce_reason = ?2
                        where id = ?1 and state in ('active', 'paused', 'pending')""")
                .setParameter(1, subscriberId).setParameter(2, hard ? reason : "soft bounces: " + reason).executeUpdate();
        if (moved == 1) {
            LOG.infof("Subscriber %d bounced: %s", subscriberId, reason);
        }
        return moved == 1;
    }
}
