package dev.paperboy.digest;

import dev.paperboy.mail.MailConnection;
import dev.paperboy.mail.MailFailure;
import dev.paperboy.mail.MailGateway;
import dev.paperboy.system.Backoff;
import dev.paperboy.system.PaperboyConfig;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;

/**
 * One pass of sending: one sender starts, and each sender whose claim came back full starts another, up to the
 * node's number of senders; each keeps its SMTP connection for all its batches and ends when nothing is left to
 * claim, the relay is down (for every sender of the pass), or the node stops.
 */
final class DeliveryPass {

    private static final Logger LOG = Logger.getLogger(DeliveryPass.class);

    private final Claims claims;
    private final ClaimedMails mails;
    private final MailGateway gateway;
    private final PaperboyConfig config;
    private final SendRate rate;
    private final Outcomes outcomes;
    private final BooleanSupplier nodeStopping;
    private final Object lock = new Object();
    private int active;
    private int most;
    private Executor threads;
    private volatile boolean relayDown;
    private final DigestBounces bounces;

    DeliveryPass(Claims claims, ClaimedMails mails, MailGateway gateway, PaperboyConfig config, SendRate rate,
                 Outcomes outcomes, BooleanSupplier nodeStopping, DigestBounces bounces) {
        this.bounces = bounces;
        this.claims = claims;
        this.mails = mails;
        this.gateway = gateway;
        this.config = config;
        this.rate = rate;
        this.outcomes = outcomes;
        this.nodeStopping = nodeStopping;
    }

    /** Runs the pass with up to {@code senders} senders on these threads; returns when every sender has ended. */
    void run(int senders, Executor threads) {
        this.most = senders;
        this.threads = threads;
        startSender();
        synchronized (lock) {
            while (active > 0) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void startSender() {
        synchronized (lock) {
            if (active >= most) {
                return;
            }
            active++;
        }
        try {
            threads.execute(this::sender);
        } catch (RejectedExecutionException e) {
            ended();
        }
    }

    private void ended() {
        synchronized (lock) {
            active--;
            lock.notifyAll();
        }
    }

    private boolean stopped() {
        return relayDown || nodeStopping.getAsBoolean();
    }

    private void sender() {
        try (MailConnection connection = gateway.open()) {
            int size = config.digest().batchSize();
            while (!stopped()) {
                List<Claims.Claim> batch = claims.claim(size);
                if (batch.isEmpty()) {
                    return;
                }
                if (batch.size() == size) {
                    startSender(); // more is waiting than one sender takes at once
                }
                send(connection, mails.compose(batch));
            }
        } catch (RuntimeException e) {
            LOG.error("A digest sender stopped; its claims are taken over when their lease ends", e);
        } finally {
            ended();
        }
    }

    private void send(MailConnection connection, List<ClaimedMails.Prepared> batch) {
        for (int i = 0; i < batch.size(); i++) {
            ClaimedMails.Prepared prepared = batch.get(i);
            if (stopped()) {
                batch.subList(i, batch.size()).forEach(this::handBack);
                return;
            }
            if (prepared.mail() == null) {
                outcomes.add(prepared.state() == null
                        ? failed(prepared.claim(), new MailFailure(prepared.why(), MailFailure.Kind.MESSAGE_REFUSED, null))
                        : new Outcomes.Outcome(prepared.claim(), prepared.state(), prepared.why(), null, false, false));
                continue;
            }
            List<ClaimedMails.Prepared> later = batch.subList(i + 1, batch.size());
            if (!claims.stillHeld(prepared.claim(), () -> later.stream()
                    .filter(p -> p.mail() != null).map(ClaimedMails.Prepared::claim).toList())) {
                continue; // taken over by another sender after this one stalled past its lease
            }
            rate.acquire();
            long[] endOfData = new long[1]; // when the permit was taken; 0 while none is held
            try {
                // the in-flight permit is taken at the end of the data: envelope and body go out without one
                connection.send(prepared.mail(), () -> endOfData[0] = outcomes.beforeSend());
                if (endOfData[0] == 0) {
                    // a way out that did not say when it ended: counted all the same
                    endOfData[0] = outcomes.beforeSend();
                }
                outcomes.accepted(prepared.claim(), endOfData[0]);
            } catch (MailFailure failure) {
                outcomes.notAccepted(failed(prepared.claim(), failure), endOfData[0] != 0);
                if (failure.kind() == MailFailure.Kind.RECIPIENT_REFUSED) {
                    bounces.refusedAtSend(prepared.claim().digestId(), failure.getMessage()); // not again tomorrow
                }
                if (failure.kind() == MailFailure.Kind.RELAY_UNAVAILABLE) {
                    relayDown = true; // every other mail would fail the same way: the whole pass waits for later
                }
            }
        }
    }

    /** Retries with a doubling wait, until the digest is too old to be worth sending or the address is refused. */
    private Outcomes.Outcome failed(Claims.Claim claim, MailFailure failure) {
        boolean giveUp = failure.permanent() || mails.tooOld(claim.decidedAt());
        Duration wait = wait(claim.attempt());
        LOG.warnf("Digest %d (attempt %d) not sent: %s%s", claim.digestId(), claim.attempt(), failure.getMessage(),
                giveUp ? "; giving up" : "; retrying in " + wait);
        return new Outcomes.Outcome(claim, giveUp ? "failed" : "retrying", failure.getMessage(), giveUp ? null : wait,
                false, false);
    }

    /**
     * Hands a claimed but untried digest back, as if it had not been claimed: at once for another node when this one
     * stops, or after the retry wait when the relay is down.
     */
    private void handBack(ClaimedMails.Prepared prepared) {
        Claims.Claim claim = prepared.claim();
        if (relayDown) {
            outcomes.add(new Outcomes.Outcome(claim, "retrying", null, wait(claim.attempt()), true, false));
        } else {
            outcomes.add(new Outcomes.Outcome(claim, claim.attempt() == 1 ? "queued" : "retrying", null,
                    claim.attempt() == 1 ? null : Duration.ZERO, true, false));
        }
    }

    private Duration wait(int attempt) {
        return Backoff.after(config.digest().retryBackoff(), attempt);
    }
}
