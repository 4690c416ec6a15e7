package dev.paperboy.digest;

import dev.paperboy.AdminApi;
import dev.paperboy.ScriptedRelay;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Messages the relay accepted but whose outcome is not yet recorded are what a crash could send twice: a node never
 * has more of them than PAPERBOY_DELIVERY_IN_FLIGHT, however far recording falls behind.
 */
@QuarkusTest
@TestProfile(DeliveryLimitsProfile.class)
class InFlightBoundTest {

    ScriptedRelay relay;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DigestDelivery delivery;

    private final ExecutorService sender = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopSender() {
        relay.releaseHolds();
        sender.shutdownNow();
    }

    @Test
    void sendingWaitsWhileTheInFlightBoundIsReachedAndGoesOnOnceOutcomesAreRecorded() throws Exception {
        Rows rows = new Rows(dataSource);
        List<String> readers = ShardedRunTest.readers("inflight", 8, "cassowary casque");
        AdminApi.importPapers("""
                [{"id": "inflight-1", "title": "The cassowary casque as a radiator",
                  "abstract": "Cassowary casque temperature in the heat."}]""");
        relay.down(true);
        try {
            AdminApi.forceRun(Instant.now()); // decided, and waiting for the relay
        } finally {
            relay.down(false);
        }
        String ids = "(select d.id from digest d join subscriber s on s.id = d.subscriber_id"
                + " where s.email like 'inflight.%@example.org')";
        rows.update("update digest set next_attempt_at = now() where id in " + ids);
        ScriptedRelay.Hold hold = relay.hold(Set.copyOf(readers), "250 2.0.0 queued");

        Future<Integer> sending = sender.submit(delivery::deliverDue);
        hold.awaitArrival(); // every digest is claimed (one batch); the first is with the relay
        try (Connection recording = dataSource.getConnection()) {
            recording.setAutoCommit(false);
            try (PreparedStatement lock = recording.prepareStatement("select id from digest where id in " + ids
                    + " for share")) {
                lock.executeQuery(); // as if the database were slow to record: no outcome can be written
            }
            hold.release();
            awaitAccepted(readers, DeliveryLimitsProfile.IN_FLIGHT);
            Thread.sleep(1000); // a sender that ignored the bound would send more in this time
            assertEquals(DeliveryLimitsProfile.IN_FLIGHT, accepted(readers), "accepted while none could be recorded");
            assertEquals(readers.size(), rows.number("select count(*) from digest where state = 'sending' and id in " + ids));
            recording.rollback();
        }
        sending.get(60, TimeUnit.SECONDS);
        for (String reader : readers) {
            assertEquals(1, relay.messagesTo(reader).size(), reader);
            assertEquals(List.of("sent"), rows.digestStates(reader), reader);
        }
    }

    private int accepted(List<String> readers) {
        return readers.stream().mapToInt(reader -> relay.messagesTo(reader).size()).sum();
    }

    private void awaitAccepted(List<String> readers, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (accepted(readers) < count) {
            if (Instant.now().isAfter(deadline)) {
                fail(count + " messages not accepted within 60 s; have " + accepted(readers));
            }
            Thread.sleep(50);
        }
    }
}
