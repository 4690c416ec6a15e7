package dev.paperboy.digest;

import com.icegreen.greenmail.util.GreenMail;
import dev.paperboy.AdminApi;
import dev.paperboy.BounceMail;
import dev.paperboy.InjectGreenMail;
import dev.paperboy.Mailbox;
import dev.paperboy.People;
import dev.paperboy.mail.bounce.BounceMailbox;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Delivery status notifications read from the bounce mailbox (GreenMail over IMAP, as configured, and over POP3):
 * a hard bounce stops a subscriber's mail at once, soft ones after the threshold, and a notification that does not
 * return one of that subscriber's digests changes nothing.
 */
@QuarkusTest
class BounceMailboxTest {

    @InjectGreenMail
    GreenMail greenMail;

    @Inject
    DigestBounces bounces;

    @Inject
    BounceMailbox mailbox;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    jakarta.enterprise.inject.Instance<dev.paperboy.subscriber.privacy.PersonalData> personalData;

    /** An active subscriber who got a digest for {@code at}'s day: returns that digest's Message-ID. */
    private String digestSentTo(String email, String tag, Instant at, int mailNumber) {
        AdminApi.importPapers("""
                [{"id": "bounce-%s-%d", "title": "Mangrove roots trap sediment %s %d",
                  "abstract": "Mangrove roots and the sediment they keep."}]""".formatted(tag, mailNumber, tag, mailNumber));
        AdminApi.forceRun(at);
        return new Mailbox(greenMail, email).awaitMail(mailNumber).header("Message-ID");
    }

    private String state(String email) {
        return new Rows(dataSource).string("select state from subscriber where email = ?", email);
    }

    @Test
    void aHardBounceReadOverImapStopsTheSubscribersMail() {
        String email = People.address("bounce.hard");
        String tag = People.marker();
        People.subscribe(email, "mangrove roots");
        String messageId = digestSentTo(email, tag, Instant.now(), 1);
        int before = BounceMail.left(greenMail); // what other tests left there: mail that is no notification
        BounceMail.deliver(greenMail, BounceMail.dsn(email, "failed", "5.1.1",
                "550 5.1.1 <" + email + ">: Recipient address rejected: User unknown", messageId));
        BounceMail.deliver(greenMail, """
                From: %s
                To: %s
                Subject: Out of office
                Content-Type: text/plain

                I am away until Monday.
                """.formatted(email, BounceMail.ADDRESS));

        bounces.readMailbox(); // what the Quartz job runs, on the configured IMAP mailbox
        assertEquals("bounced", state(email));
        assertTrue(new Rows(dataSource).string("select bounce_reason from subscriber where email = ?", email)
                .contains("5.1.1 smtp; 550 5.1.1"), "the reason is kept for the operator");
        assertEquals(before + 1, BounceMail.left(greenMail), "the notification is deleted, the auto-reply left alone");
        assertTrue(AdminApi.stats().getLong("subscribers.bounced") >= 1, "counted in the stats");
        String page = AdminApi.admin().get("/admin/subscribers/"
                        + new Rows(dataSource).string("select id::text from subscriber where email = ?", email))
                .then().statusCode(200).extract().asString();
        assertTrue(page.contains("<dt>Bounced</dt>") && page.contains("Recipient address rejected: User unknown"),
                "the operator reads the reason on the subscriber's page");

        AdminApi.importPapers("""
                [{"id": "bounce-%s-after", "title": "Mangrove roots after the storm %s",
                  "abstract": "Mangrove roots hold on."}]""".formatted(tag, tag));
        AdminApi.forceRun(Instant.now().plus(Duration.ofDays(1)));
        assertEquals(1, new Mailbox(greenMail, email).messages().size(), "no more digests to a bounced address");
        assertEquals(0, new Rows(dataSource).number("select count(*) from digest d join subscriber s on s.id = d.subscriber_id"
                + " where s.email = ? and d.state <> 'sent'", email));
    }

    @Test
    void softBouncesReadOverPop3StopTheMailAtTheThreshold() {
        String email = People.address("bounce.soft");
        String tag = People.marker();
        People.subscribe(email, "mangrove roots");
        BounceMailbox.Settings pop3 = new BounceMailbox.Settings("pop3", "127.0.0.1", greenMail.getPop3().getPort(),
                BounceMail.LOGIN, BounceMail.PASSWORD);
        Instant now = Instant.now();
        int before = BounceMail.left(greenMail);
        for (int day = 0; day < 3; day++) {
            String messageId = digestSentTo(email, tag, now.plus(Duration.ofDays(day)), day + 1);
            String dsn = BounceMail.dsn(email, "delayed", "4.2.2", "452 4.2.2 Mailbox full", messageId);
            BounceMail.deliver(greenMail, dsn);
            BounceMail.deliver(greenMail, dsn); // the same notification twice counts once
            assertEquals(2, mailbox.read(pop3, bounces::apply));
            assertEquals(day < 2 ? "active" : "bounced", state(email), "after " + (day + 1) + " soft bounce(s)");
        }
        assertEquals(before, BounceMail.left(greenMail), "every notification read was deleted");
        Object exported = personalData.stream().filter(part -> part.name().equals("bounces")).findFirst().orElseThrow()
                .export(Long.parseLong(new Rows(dataSource).string("select id::text from subscriber where email = ?", email)));
        assertEquals(3, ((java.util.List<?>) exported).size(), "each digest that bounced, in the person's data export");
    }

    @Test
    void aNotificationThatReturnsNoneOfTheSubscribersDigestsChangesNothing() {
        String victim = People.address("bounce.victim");
        String other = People.address("bounce.other");
        String tag = People.marker();
        People.subscribe(victim, "mangrove roots");
        People.subscribe(other, "mangrove roots");
        digestSentTo(victim, tag, Instant.now(), 1);
        String othersMessageId = new Mailbox(greenMail, other).awaitMail(1).header("Message-ID");

        BounceMail.deliver(greenMail, BounceMail.dsn(victim, "failed", "5.1.1", "550 no such user", othersMessageId));
        BounceMail.deliver(greenMail, BounceMail.dsn(victim, "failed", "5.1.1", "550 no such user",
                "<digest.1.2026-11-29.999999@localhost>"));
        BounceMail.deliver(greenMail, BounceMail.dsn(victim, "failed", "5.1.1", "550 no such user", "<elsewhere@example.net>"));
        bounces.readMailbox();
        assertEquals("active", state(victim), "a notification must return the victim's own digest");
        assertEquals("active", state(other), "and name the address it went to");
        assertEquals(Optional.empty(), Optional.ofNullable(new Rows(dataSource)
                .string("select bounce_reason from subscriber where email = ?", victim)));
    }
}
