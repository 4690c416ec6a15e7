package dev.paperboy.digest;

import com.icegreen.greenmail.util.GreenMail;
import dev.paperboy.AdminApi;
import dev.paperboy.InjectGreenMail;
import dev.paperboy.InjectRelay;
import dev.paperboy.Mailbox;
import dev.paperboy.People;
import dev.paperboy.RelayProxy;
import dev.paperboy.Rows;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The relay drops the one SMTP connection a batch of digests goes over: no digest is lost, none is sent twice. */
@QuarkusTest
class DroppedConnectionTest {

    @InjectGreenMail
    GreenMail greenMail;

    @InjectRelay
    RelayProxy relay;

    /**
     * Between two messages (an idle connection closed by the relay): the sender reconnects and the run goes on, the
     * next message sent once, on the new connection.
     */
    @Test
    void aConnectionDroppedBetweenTwoMessagesIsReopenedInTheSameRun() {
        List<String> readers = readers("between", "basilisk lizard");
        int connections = relay.connections();
        int drops = relay.drops();
        int noops = relay.noops();
        relay.dropAfterMessageTo(Set.copyOf(readers));

        Instant day = Instant.now().plus(30, ChronoUnit.DAYS);
        AdminApi.forceRun(day);
        assertEquals(drops + 1, relay.drops(), "the relay dropped the connection once");
        assertTrue(relay.connections() >= connections + 2, "the sender opened a second connection");
        // the dropped connection shows at the next message's MAIL FROM, which goes again on the new connection: no
        // NOOP round trip before each message to ask whether the connection is still open
        assertEquals(noops, relay.noops(), "NOOPs sent");
        for (String reader : readers) {
            assertEquals(List.of("sent"), Rows.digests(reader).stream().map(Rows.DigestRow::state).toList(), reader);
            assertTrue(new Mailbox(greenMail, reader).awaitMail(1).text().contains("Basilisk lizards run on water"));
        }
        AdminApi.forceRun(day);
        readers.forEach(reader -> assertEquals(1, new Mailbox(greenMail, reader).messages().size(), "once: " + reader));
    }

    /** While a message is handed over: that digest and the rest of the batch wait for a retry, then go out once. */
    @Test
    void aConnectionDroppedMidMessageLeavesTheRestOfTheBatchForTheRetry() {
        List<String> readers = readers("during", "pangolin scales");
        int drops = relay.drops();
        relay.dropWhenSendingTo(Set.copyOf(readers));

        Instant day = Instant.now().plus(31, ChronoUnit.DAYS);
        AdminApi.forceRun(day);
        assertEquals(drops + 1, relay.drops(), "the relay dropped the connection once");
        // on a slow machine the 1 s retry may already have sent it: then it shows as a second attempt
        long waiting = readers.stream().filter(r -> Rows.digests(r).get(0).state().equals("retrying")
                || Rows.attempts(r) >= 2).count();
        assertTrue(waiting >= 1, "the digest whose send broke waits for a retry: " + states(readers));

        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!states(readers).stream().allMatch("sent"::equals)) {
            if (Instant.now().isAfter(deadline)) {
                fail("not all sent after the retry wait: " + states(readers));
            }
            sleep(500); // the test profile's first retry wait is 1 s
            AdminApi.forceRun(day);
        }
        for (String reader : readers) {
            assertTrue(new Mailbox(greenMail, reader).awaitMail(1).text().contains("Pangolin scales"));
            assertEquals(1, new Mailbox(greenMail, reader).messages().size(), "once: " + reader);
            assertEquals(1, Rows.digests(reader).size());
        }
    }

    /** Three subscribers of one interest and a paper for it, so one run sends them three digests in one batch. */
    private static List<String> readers(String name, String interest) {
        List<String> readers = List.of(People.address("dropped." + name + ".a"), People.address("dropped." + name + ".b"),
                People.address("dropped." + name + ".c"));
        readers.forEach(reader -> People.subscribe(reader, interest));
        AdminApi.importPapers(interest.startsWith("basilisk") ? """
                [{"id": "dropped-basilisk", "title": "Basilisk lizards run on water",
                  "abstract": "How the basilisk lizard runs across water."}]""" : """
                [{"id": "dropped-pangolin", "title": "Pangolin scales as armour",
                  "abstract": "The keratin of pangolin scales."}]""");
        return readers;
    }

    private static List<String> states(List<String> readers) {
        return readers.stream().map(r -> Rows.digests(r).get(0).state()).toList();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
