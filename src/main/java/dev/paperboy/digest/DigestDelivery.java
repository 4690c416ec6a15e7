package dev.paperboy.digest;

import dev.paperboy.mail.MailConnection;
import dev.paperboy.mail.MailContent;
import dev.paperboy.mail.MailFailure;
import dev.paperboy.mail.MailGateway;
import dev.paperboy.subscriber.Subscriber;
import dev.paperboy.system.Backoff;
import dev.paperboy.system.PaperboyConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Sends decided digests: claims a batch under a lease, sends it over one connection, and records each outcome.
 * A claim's attempt number fences it: a sender whose lease ran out and was taken over records nothing, and
 * re-checks its lease before each send. Failed sends wait and are retried; a relay that is down stops the batch.
 * A digest older than the give-up age when claimed, or whose subscriber paused or left, is not sent.
 */
@ApplicationScoped
class DigestDelivery {

    private static final Logger LOG = Logger.getLogger(DigestDelivery.class);

    private static final String CLAIM = """
            update digest set state = 'sending', lease_until = now() + ?1 * interval '1 millisecond',
                              attempts = attempts + 1
            where id in (select id from digest
                         where state = 'queued'
                            or (state = 'retrying' and next_attempt_at <= now())
                            or (state = 'sending' and lease_until < now())
                         order by id limit ?2
                         for update skip locked)
            returning id, attempts""";

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
            List<Claim> batch;
            while (!(batch = claim()).isEmpty()) {
                for (int i = 0; i < batch.size(); i++) {
                    Outcome outcome = deliver(connection, batch.get(i));
                    if (outcome == Outcome.SENT) {
                        sent++;
                    } else if (outcome == Outcome.RELAY_DOWN) {
                        batch.subList(i + 1, batch.size()).forEach(this::release);
                        return sent;
                    }
                }
            }
        }
        return sent;
    }

    private List<Claim> claim() {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(CLAIM)
                .setParameter(1, config.deliveryLease().toMillis())
                .setParameter(2, config.digest().batchSize())
                .getResultList());
        return rows.stream().map(r -> new Claim(((Number) r[0]).longValue(), ((Number) r[1]).intValue())).toList();
    }

    private Outcome deliver(MailConnection connection, Claim claim) {
        if (!renewLease(claim)) {
            return Outcome.TAKEN_OVER;
        }
        Prepared prepared;
        try {
            prepared = QuarkusTransaction.requiringNew().call(() -> prepare(claim.digestId));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not build digest %d", claim.digestId);
            failed(claim, new MailFailure("could not build the digest: " + e, MailFailure.Kind.MESSAGE_REFUSED, e));
            return Outcome.FAILED;
        }
        if (prepared.mail() == null) {
            LOG.infof("Digest %d not sent: %s", claim.digestId, prepared.why());
            record(claim, prepared.state(), prepared.why(), null);
            return Outcome.FAILED;
        }
        try {
            connection.send(prepared.mail());
        } catch (MailFailure failure) {
            failed(claim, failure);
            return failure.kind() == MailFailure.Kind.RELAY_UNAVAILABLE ? Outcome.RELAY_DOWN : Outcome.FAILED;
        }
        record(claim, "sent", null, null);
        return Outcome.SENT;
    }

    /** Extends this claim's lease just before sending; false when another sender has taken the digest over. */
    private boolean renewLease(Claim claim) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                        update digest set lease_until = now() + ?3 * interval '1 millisecond'
                        where id = ?1 and state = 'sending' and attempts = ?2""")
                .setParameter(1, claim.digestId).setParameter(2, claim.attempt)
                .setParameter(3, config.deliveryLease().toMillis())
                .executeUpdate() == 1);
    }

    /**
     * The mail of a claimed digest; or, without one, why it goes out no more: its subscriber left, paused or was
     * deleted since it was decided (cancelled), or it is older than the give-up age, as after an outage (failed; not
     * only after a failed send, so that no stale digest goes out days late). Either way its papers go back for the
     * next digest.
     */
    private Prepared prepare(long digestId) {
        Digest digest = Digest.findById(digestId);
        if (digest == null) {
            return new Prepared(null, "cancelled", "the subscriber was deleted");
        }
        if (tooOld(digest.createdAt)) {
            return new Prepared(null, "failed", "not sent within " + giveUpAge() + " of being decided");
        }
        Subscriber subscriber = Subscriber.findById(digest.subscriberId);
        if (subscriber == null || subscriber.state != Subscriber.State.active) {
            return new Prepared(null, "cancelled", subscriber == null ? "the subscriber was deleted"
                    : "the subscriber is " + subscriber.state);
        }
        return new Prepared(mail.compose(digest, subscriber), null, null);
    }

    private boolean tooOld(Instant decided) {
        return decided.plus(config.digest().giveUpAfter()).isBefore(Instant.now());
    }

    private String giveUpAge() {
        return config.digest().giveUpAfter().toString().substring(2).toLowerCase(Locale.ROOT);
    }

    /** Retries with a doubling wait, until the digest is too old to be worth sending or the address is refused. */
    private void failed(Claim claim, MailFailure failure) {
        Digest digest = QuarkusTransaction.requiringNew().call(() -> Digest.<Digest>findById(claim.digestId));
        if (digest == null) {
            return; // its subscriber was deleted meanwhile: nothing is left to retry or record
        }
        Instant decided = digest.createdAt;
        boolean giveUp = failure.permanent() || tooOld(decided);
        Duration wait = wait(claim.attempt);
        LOG.warnf("Digest %d (attempt %d) not sent: %s%s", claim.digestId, claim.attempt, failure.getMessage(),
                giveUp ? "; giving up" : "; retrying in " + wait);
        record(claim, giveUp ? "failed" : "retrying", failure.getMessage(), giveUp ? null : wait);
    }

    /** Hands a claimed but untried digest back, as if it had not been claimed, to wait for the relay. */
    private void release(Claim claim) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        update digest set state = 'retrying', attempts = attempts - 1, lease_until = null,
                               next_attempt_at = now() + ?3 * interval '1 millisecond'
                        where id = ?1 and state = 'sending' and attempts = ?2""")
                .setParameter(1, claim.digestId).setParameter(2, claim.attempt)
                .setParameter(3, wait(claim.attempt).toMillis())
                .executeUpdate());
    }

    private Duration wait(int attempt) {
        return Backoff.after(config.digest().retryBackoff(), attempt);
    }

    /**
     * Records an outcome, only if this claim still holds the digest. A digest that failed or was cancelled gives
     * its papers back, so they can go into the subscriber's next digest.
     */
    private void record(Claim claim, String state, String error, Duration retryIn) {
        QuarkusTransaction.requiringNew().run(() -> {
            int updated = entityManager.createNativeQuery("""
                            update digest set state = ?3, last_error = ?4, lease_until = null,
                                   sent_at = case when ?3 = 'sent' then now() else sent_at end,
                                   next_attempt_at = case when ?5 >= 0 then now() + ?5 * interval '1 millisecond' end
                            where id = ?1 and state = 'sending' and attempts = ?2""")
                    .setParameter(1, claim.digestId).setParameter(2, claim.attempt).setParameter(3, state)
                    .setParameter(4, error).setParameter(5, retryIn == null ? -1L : retryIn.toMillis())
                    .executeUpdate();
            if (updated == 1 && ("failed".equals(state) || "cancelled".equals(state))) {
                entityManager.createNativeQuery("delete from digest_paper where digest_id = ?1")
                        .setParameter(1, claim.digestId).executeUpdate();
            }
        });
    }

    /** A claimed digest's mail, or the state it ends in instead and why. */
    private record Prepared(MailContent mail, String state, String why) {
    }

    /** A digest this sender holds, and the attempt number that fences its claim. */
    private record Claim(long digestId, int attempt) {
    }

    private enum Outcome { SENT, FAILED, RELAY_DOWN, TAKEN_OVER }
}
