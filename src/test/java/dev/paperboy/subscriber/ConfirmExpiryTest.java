package dev.paperboy.subscriber;

import com.icegreen.greenmail.util.GreenMail;
import dev.paperboy.HoldsExpiredSignUps;
import dev.paperboy.InjectGreenMail;
import dev.paperboy.Mailbox;
import dev.paperboy.People;
import dev.paperboy.Person;
import dev.paperboy.Visitor;
import dev.paperboy.system.PaperboyConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A confirmation link works for PAPERBOY_CONFIRM_TTL (7 days); sign-ups left unconfirmed longer are deleted. */
@QuarkusTest
class ConfirmExpiryTest implements HoldsExpiredSignUps {

    @InjectGreenMail
    GreenMail greenMail;

    @Inject
    ExpiredSignups expiredSignups;

    @Inject
    PaperboyConfig config;

    @Inject
    EntityManager entityManager;

    /** As if the confirmation mail had been asked for {@code ago}. */
    private static void askedFor(String email, Duration ago) {
        QuarkusTransaction.requiringNew().run(() -> Subscriber.update("confirmRequestedAt = ?1 where emailKey = ?2",
                Instant.now().minus(ago), Subscriber.emailKey(email)));
    }

    private static Subscriber row(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Subscriber.byEmail(email).orElse(null));
    }

    @Test
    void anExpiredLinkConfirmsNothingAndTheSignUpIsDeletedWhileAYoungerOneStays() {
        Person old = Person.pending(greenMail, People.address("expiry.old"), "fjords");
        Person young = Person.pending(greenMail, People.address("expiry.young"), "fjords");
        askedFor(old.email(), config.confirmTtl().plusMinutes(1));
        askedFor(young.email(), config.confirmTtl().minusMinutes(5));

        Response page = RestAssured.given().get(old.confirm());
        assertEquals(410, page.statusCode());
        assertTrue(page.asString().contains("This confirmation link has expired"), page.asString());
        assertTrue(page.asString().contains("7 days"), "says how long links work");
        assertEquals(410, new Visitor().submit("/", old.confirm(), Map.of()).statusCode());
        assertEquals(Subscriber.State.pending, row(old.email()).state, "nothing confirmed");

        assertTrue(expiredSignups.deleteExpired(Instant.now()) >= 1);
        assertNull(row(old.email()), "the expired sign-up is gone");
        assertEquals(404, RestAssured.given().get(old.confirm()).statusCode(), "its link now leads nowhere");

        assertEquals(Subscriber.State.pending, row(young.email()).state, "a younger sign-up stays");
        new Visitor().submit(young.confirm(), young.confirm(), Map.of()).then().statusCode(200);
        assertEquals(Subscriber.State.active, row(young.email()).state);
    }

    @Test
    void signingUpAgainGivesTheLinkANewLifetime() {
        Person person = Person.pending(greenMail, People.address("expiry.again"), "moraines");
        askedFor(person.email(), config.confirmTtl().plusHours(1));
        assertEquals(410, RestAssured.given().get(person.confirm()).statusCode());

        Map<String, String> form = new LinkedHashMap<>(Person.choices("moraines"));
        form.put("email", person.email());
        new Visitor().submit("/", "/subscribe", form).then().statusCode(200);
        String again = new Mailbox(greenMail, person.email()).awaitMail(2).linkPath("/confirm/");
        assertEquals(person.confirm(), again, "a pending sign-up keeps its link");
        RestAssured.given().get(again).then().statusCode(200);
    }

    @Test
    void theCleanUpRunsAsAClusteredQuartzJob() {
        Number jobs = QuarkusTransaction.requiringNew().call(() -> (Number) entityManager.createNativeQuery(
                "select count(*) from qrtz_triggers where trigger_name like '%expired-sign-ups%'").getSingleResult());
        assertEquals(1, jobs.intValue());
    }
}
