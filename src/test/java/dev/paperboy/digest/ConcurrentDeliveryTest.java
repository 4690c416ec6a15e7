package dev.paperboy.digest;

import dev.paperboy.AdminApi;
import dev.paperboy.ScriptedRelay;
import dev.paperboy.system.PaperboyConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Senders and runs at the same time, driven from test threads: each digest is claimed by one sender, a claim that
 * was taken over records and sends nothing, and concurrent runs decide each subscriber's period once.
 */
@QuarkusTest
@TestProfile(ScriptedRelayProfile.class)
class ConcurrentDeliveryTest {

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

    private final ExecutorService senders = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopSenders() {
        relay.releaseHolds();
        senders.shutdownNow();
    }

    @Test
    void aClaimUnderWayHoldsUpNoOtherSenderAndEachDigestGoesOutOnce() throws Exception {
        Rows rows = new Rows(dataSource);
        List<String> readers = waiting(rows, relay, runner, "claim", "otolith growth rings", 2);
        long held = digestOf(rows, readers.get(0));
        List<String> heldBefore = rows.digestStates(readers.get(0));
        try (Connection claim = dataSource.getConnection()) {
            claim.setAutoCommit(false);
            try (PreparedStatement lock = claim.prepareStatement("select id from digest where id = ? for update")) {
                lock.setLong(1, held); // as another sender's claim holds it, mid-transaction
                lock.executeQuery();
            }
            Future<Integer> other = senders.submit(delivery::deliverDue);
            other.get(60, TimeUnit.SECONDS); // it skips the locked digest instead of waiting for it
            assertEquals(0, relay.messagesTo(readers.get(0)).size());
            assertEquals(1, relay.messagesTo(readers.get(1)).size());
            assertEquals(heldBefore, rows.digestStates(readers.get(0)), "the locked digest was left alone");
            claim.rollback();
        }
        delivery.deliverDue();
        for (String reader : readers) {
            assertEquals(1, relay.messagesTo(reader).size(), reader);
            assertEquals(List.of("sent"), rows.digestStates(reader), reader);
        }
    }

    @Test
    void twoSendersAtOnceSendEveryDigestExactlyOnce() throws Exception {
        Rows rows = new Rows(dataSource);
        List<String> readers = waiting(rows, relay, runner, "pair", "nautilus buoyancy", 120); // several claims of 50 each
        Map<String, Long> attempts = new HashMap<>();
        readers.forEach(reader -> attempts.put(reader, attemptsOf(rows, reader)));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> both = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            both.add(senders.submit(() -> {
                start.await();
                return delivery.deliverDue();
            }));
        }
        start.countDown();
        for (Future<Integer> sender : both) {
            sender.get(120, TimeUnit.SECONDS);
        }
        for (String reader : readers) {
            assertEquals(1, relay.messagesTo(reader).size(), reader);
            assertEquals(List.of("sent"), rows.digestStates(reader), reader);
            assertEquals(attempts.get(reader) + 1, attemptsOf(rows, reader), "claimed once: " + reader);
        }
    }

    @Test
    void aStaleClaimRecordsNothingAndSendsNothingOnceItsDigestsAreTakenOver() throws Exception {
        Rows rows = new Rows(dataSource);
        List<String> readers = waiting(rows, relay, runner, "stale", "sea butterfly shells", 2);
        Map<String, Long> tries = new HashMap<>();
        readers.forEach(reader -> tries.put(reader, attemptsOf(rows, reader)));
        ScriptedRelay.Hold hold = relay.hold(Set.copyOf(readers), "451 4.3.0 try again later");

        Future<Integer> stale = senders.submit(delivery::deliverDue);
        // the stale sender is inside its first send; the other digest waits in its batch
        String first = hold.awaitArrival();
        String second = readers.get(0).equals(first) ? readers.get(1) : readers.get(0);
        long firstDigest = digestOf(rows, first);
        long secondDigest = digestOf(rows, second);
        long firstTries = tries.get(first);
        long secondTries = tries.get(second);
        assertEquals(List.of("sending " + (firstTries + 1), "sending " + (secondTries + 1)),
                claims(rows, firstDigest, secondDigest), "the stale sender claimed both");
        // its lease runs out (the test moves both clocks: the database's lease and the node's own), and another
        // sender takes both digests over
        rows.update("update digest set lease_until = now() - interval '1 second' where id in (?, ?)",
                firstDigest, secondDigest);
        leaseClock.pass(config.deliveryLease());
        delivery.deliverDue();
        List<String> takenOver = List.of("sent " + (firstTries + 2), "sent " + (secondTries + 2));
        assertEquals(takenOver, claims(rows, firstDigest, secondDigest));

        hold.release(); // the stale sender's send ends in a 451, which it must not record
        stale.get(60, TimeUnit.SECONDS);
        assertEquals(takenOver, claims(rows, firstDigest, secondDigest), "the stale claim recorded nothing");
        assertEquals("", rows.lastError(first), "nor its 451");
        assertEquals(1, relay.messagesTo(first).size(), "the takeover's mail; the stale one was refused");
        assertEquals(1, relay.messagesTo(second).size(), "the stale sender did not send what it no longer held");
    }

    @Test
    void twoForcedRunsAtOnceGiveEverySubscriberOneDigest() {
        Rows rows = new Rows(dataSource);
        List<String> readers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            readers.add("twice." + i + "@example.org");
        }
        rows.subscribeAll(readers, "tardigrade cryptobiosis", "");
        AdminApi.importPapers("""
                [{"id": "twice-1", "title": "Tardigrade cryptobiosis in ice",
                  "abstract": "Tardigrade cryptobiosis survives freezing."}]""");
        Instant now = Instant.now();
        long one = AdminApi.requestRun(true, now);
        long two = AdminApi.requestRun(true, now);
        JsonPath first = AdminApi.assertFinished(one);
        JsonPath second = AdminApi.assertFinished(two);
        Set<String> runs = Set.of(Long.toString(one), Long.toString(two));
        for (String reader : readers) {
            List<String> decidedBy = rows.strings("select d.run_id from digest d join subscriber s"
                    + " on s.id = d.subscriber_id where s.email = ?", reader);
            assertEquals(1, decidedBy.size(), reader + " has one digest");
            assertTrue(runs.contains(decidedBy.get(0)), reader + " by one of the two runs");
            assertEquals(List.of("sent"), rows.digestStates(reader), reader);
            assertEquals(1, relay.awaitMessagesTo(reader, 1).size(), reader);
        }
        assertTrue(first.getLong("due") + second.getLong("due") >= readers.size(), first.prettify() + second.prettify());
    }

    /**
     * Subscribers whose digest was decided while the relay was down, each waiting for a retry that is due now (the
     * test moves the retry wait on).
     */
    static List<String> waiting(Rows rows, ScriptedRelay relay, DigestRunner runner, String name, String interest,
                                int count) {
        List<String> readers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            readers.add(name + "." + i + "@example.org");
        }
        rows.subscribeAll(readers, interest, Rows.AT_EIGHT_UTC);
        AdminApi.importPapers("[{\"id\": \"concurrent-" + name + "\", \"title\": \"On " + interest + "\", \"abstract\": \"Notes on "
                + interest + ".\"}]");
        Instant hour = Moments.nextHour(Instant.now(), ZoneOffset.UTC, 8);
        relay.whileDown(() -> runner.tick(hour.plus(2, ChronoUnit.MINUTES)));
        for (String reader : readers) {
            assertTrue(Set.of(List.of("queued"), List.of("retrying")).contains(rows.digestStates(reader)), reader);
            rows.retryNow(reader);
        }
        return readers;
    }

    static long digestOf(Rows rows, String email) {
        return rows.number("select d.id from digest d join subscriber s on s.id = d.subscriber_id where s.email = ?", email);
    }

    static long attemptsOf(Rows rows, String email) {
        return rows.number("select d.attempts from digest d join subscriber s on s.id = d.subscriber_id"
                + " where s.email = ?", email);
    }

    static List<String> claims(Rows rows, long... digests) {
        List<String> claims = new ArrayList<>();
        for (long digest : digests) {
            claims.add(rows.string("select state || ' ' || attempts from digest where id = ?", digest));
        }
        return claims;
    }
}
