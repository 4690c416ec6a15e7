package dev.paperboy.digest;

import dev.paperboy.mail.bounce.Bounce;
import dev.paperboy.mail.bounce.BounceMailbox;
import dev.paperboy.subscriber.SubscriberBounces;
import dev.paperboy.system.PaperboyConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bounces of digests: read from the bounce mailbox on a schedule (one node of the cluster at a time), or a relay's
 * refusal of the address at send time, each applied to the subscriber whose digest came back. A notification is
 * matched by the digest's own Message-ID, and only when that digest is the subscriber's and, where the notification
 * names its recipient, went to that address: a forged one about someone else changes nothing.
 */
@ApplicationScoped
public class DigestBounces {

    private static final Logger LOG = Logger.getLogger(DigestBounces.class);
    /** {@code <digest.<subscriber>.<period>.<digest>@domain>}, as DigestMail writes it. */
    private static final Pattern DIGEST_MESSAGE_ID = Pattern.compile("<?digest\\.(\\d+)\\.[^.@\\s]+\\.(\\d+)@[^>\\s]+>?");

    private final BounceMailbox mailbox;
    private final SubscriberBounces bounces;
    private final EntityManager entityManager;
    private final PaperboyConfig.Bounce config;

    DigestBounces(BounceMailbox mailbox, SubscriberBounces bounces, EntityManager entityManager, PaperboyConfig config) {
        this.mailbox = mailbox;
        this.bounces = bounces;
        this.entityManager = entityManager;
        this.config = config.bounce();
    }

    // the first read 30 s after the start, not one whole interval later: bounces waiting from before a restart, or
    // an operator trying the mailbox on a new install, are not left for ten minutes
    @Scheduled(identity = "bounce-mailbox", every = "${paperboy.bounce.every:10m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void readMailbox() {
        int handled = mailbox.read(this::apply);
        if (handled > 0) {
            LOG.infof("Read %d delivery status notification(s) from the bounce mailbox", handled);
        }
    }

    /** One recipient's notification: recorded against the subscriber it names, or ignored when it names none of ours. */
    void apply(Bounce bounce) {
        Matcher id = bounce.originalMessageId() == null ? null : DIGEST_MESSAGE_ID.matcher(bounce.originalMessageId());
        if (id == null || !id.matches()) {
            LOG.infof("A bounce for %s that returns no digest of ours (Message-ID %s): ignored", bounce.recipient(),
                    bounce.originalMessageId());
            return;
        }
        long subscriberId = Long.parseLong(id.group(1));
        long digestId = Long.parseLong(id.group(2));
        List<?> email = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                        select s.email_key from digest d join subscriber s on s.id = d.subscriber_id
                        where d.id = ?1 and d.subscriber_id = ?2""")
                .setParameter(1, digestId).setParameter(2, subscriberId).getResultList());
        if (email.isEmpty() || (bounce.recipient() != null && !bounce.recipient().equalsIgnoreCase((String) email.get(0)))) {
            LOG.infof("A bounce for %s names digest %d of subscriber %d, which does not match: ignored",
                    bounce.recipient(), digestId, subscriberId);
            return;
        }
        bounces.record(subscriberId, "digest:" + digestId, bounce.hard(), bounce.reason(), config.softLimit(),
                config.softWithin());
    }

    /** The relay refused the digest's address for good (5xx at RCPT): a hard bounce, no notification to wait for. */
    void refusedAtSend(long digestId, String reason) {
        Long subscriberId = QuarkusTransaction.requiringNew().call(() -> {
            Digest digest = Digest.findById(digestId);
            return digest == null ? null : digest.subscriberId;
        });
        if (subscriberId != null) {
            bounces.record(subscriberId, "digest:" + digestId, true, "refused at send time: " + reason,
                    config.softLimit(), config.softWithin());
        }
    }
}
