package dev.paperboy.digest;

import dev.paperboy.ScriptedRelay;
import dev.paperboy.system.PaperboyConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.paperboy.digest.ConcurrentDeliveryTest.attemptsOf;
import static dev.paperboy.digest.ConcurrentDeliveryTest.claims;
import static dev.paperboy.digest.ConcurrentDeliveryTest.digestOf;
import static dev.paperboy.digest.ConcurrentDeliveryTest.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sender knows on its own clock how long its claims surely hold: it sends without asking the database while half
 * the lease is left, and renews the rest of its batch once it may not be. An operator who sets a digest that is being
 * sent back to queued by hand does not get it twice.
 */
@QuarkusTest
@TestProfile(ScriptedRelayProfile.class)
class ClaimLeaseTest {

    ScriptedRelay relay;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DigestRunner runner;

    @Inject
    DigestDelivery delivery;

    @Inject
    MovableLeaseClock leaseClock;

    @Inject
    PaperboyConfig config;

    private final ExecutorService senders = Executors.newFixedThreadPool(1);

    @AfterEach
    void stopSenders() {
        relay.releaseHolds();
        senders.shutdownNow();
    }

    @Test
    void aBatchWhoseLeaseMayBeHalfGoneOnTheNodesClockIsRenewedBeforeItsNextSend() throws Exception {
        Rows rows = new Rows(dataSource);
        List<String> readers = waiting(rows, relay, runner, "renew", "glass sponge spicules", 2);
        long firstTries = attemptsOf(rows, readers.get(0));
        long secondTries = attemptsOf(rows, readers.get(1));
        ScriptedRelay.Hold held = relay.hold(Set.copyOf(readers), "250 2.0.0 queued");
        Future<Integer> sender = senders.submit(delivery::deliverDue);
        String first = held.awaitArrival();
        String second = readers.get(0).equals(first) ? readers.get(1) : readers.get(0);
        long claimedUntil = leaseEnd(rows, digestOf(rows, second));
        ScriptedRelay.Hold next = relay.hold(Set.of(second), "250 2.0.0 queued");

        // the sender stalls in its first send for more than half its lease (on its clock), less than the whole
        leaseClock.pass(config.deliveryLease().multipliedBy(6).dividedBy(10));
        held.release();
        next.awaitArrival();
        assertTrue(leaseEnd(rows, digestOf(rows, second)) > claimedUntil,
                "the rest of the batch was renewed in the database before its send");
        next.release();
        sender.get(60, TimeUnit.SECONDS);

        for (String reader : readers) {
            assertEquals(1, relay.messagesTo(reader).size(), reader);
        }
        assertEquals(List.of("sent " + (firstTries + 1), "sent " + (secondTries + 1)),
                claims(rows, digestOf(rows, readers.get(0)), digestOf(rows, readers.get(1))), "claimed once each");
    }

    @Test
    void aDigestSetBackToQueuedByHandWhileItsSenderHoldsItGoesOutOnce() throws Exception {
        Rows rows = new Rows(dataSource);
        List<String> readers = waiting(rows, relay, runner, "reset", "brine shrimp cysts", 2);
        long firstTries = attemptsOf(rows, readers.get(0));
        long secondTries = attemptsOf(rows, readers.get(1));
        long firstDigest = digestOf(rows, readers.get(0));
        long secondDigest = digestOf(rows, readers.get(1));
        ScriptedRelay.Hold held = relay.hold(Set.copyOf(readers), "250 2.0.0 queued");
        Future<Integer> holder = senders.submit(delivery::deliverDue);
        held.awaitArrival();

        // an operator sets both back to queued while the sender is inside its first send, its lease left as it is
        rows.update("update digest set state = 'queued' where id in (?, ?)", firstDigest, secondDigest);
        delivery.deliverDue();
        assertEquals(List.of("queued " + (firstTries + 1), "queued " + (secondTries + 1)),
                claims(rows, firstDigest, secondDigest), "no other sender takes them while their lease lasts");

        held.release();
        holder.get(60, TimeUnit.SECONDS);
        for (String reader : readers) {
            assertEquals(1, relay.messagesTo(reader).size(), reader);
        }
        // the holder knew its lease on its own clock and sent the second without asking; both sends are recorded
        assertEquals(List.of("sent " + (firstTries + 1), "sent " + (secondTries + 1)),
                claims(rows, firstDigest, secondDigest));
        delivery.deliverDue();
        for (String reader : readers) {
            assertEquals(1, relay.messagesTo(reader).size(), "still one: " + reader);
        }
    }

    private static long leaseEnd(Rows rows, long digest) {
        return rows.number("select (extract(epoch from lease_until) * 1000000)::bigint from digest where id = ?", digest);
    }
}
