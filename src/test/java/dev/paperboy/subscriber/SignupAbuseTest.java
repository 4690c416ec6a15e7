package dev.paperboy.subscriber;

import com.icegreen.greenmail.util.GreenMail;
import dev.paperboy.InjectGreenMail;
import dev.paperboy.Mailbox;
import dev.paperboy.People;
import dev.paperboy.Person;
import dev.paperboy.Visitor;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the form does against bots and address probing: a honeypot, and one answer for every address. */
@QuarkusTest
class SignupAbuseTest {

    @InjectGreenMail
    GreenMail greenMail;

    private static Map<String, String> form(String email) {
        Map<String, String> fields = new LinkedHashMap<>(Person.choices("sea ice"));
        fields.put("email", email);
        return fields;
    }

    static long rows(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Subscriber.count("emailKey", Subscriber.emailKey(email)));
    }

    /** The answer page without what differs by visit or address. */
    static String page(Response response, String email) {
        return response.asString().replace(email, "ADDRESS").replaceAll("name=\"csrf\" value=\"[^\"]*\"", "");
    }

    @Test
    void aBotThatFillsTheHiddenFieldGetsTheUsualPageAndNothingIsStoredOrMailed() {
        String bot = People.address("honeypot.bot");
        String person = People.address("honeypot.person");
        Map<String, String> filled = form(bot);
        filled.put(SignupResource.TRAP, "https://spam.example/");
        Response botAnswer = new Visitor().submit("/", "/subscribe", filled);
        Response personAnswer = new Visitor().submit("/", "/subscribe", form(person));

        assertEquals(200, botAnswer.statusCode());
        assertEquals(page(personAnswer, person), page(botAnswer, bot), "the bot sees what a person sees");
        assertEquals(0, rows(bot), "nothing stored for the bot");
        new Mailbox(greenMail, person).awaitMail(1);
        assertTrue(new Mailbox(greenMail, bot).messages().isEmpty(), "no mail to the bot's address");
    }

    @Test
    void theClientAddressOfASignUpIsNotKeptByDefault() {
        Person person = Person.pending(greenMail, People.address("noip"), "sea ice");
        Subscriber row = QuarkusTransaction.requiringNew().call(() -> Subscriber.byEmail(person.email()).orElseThrow());
        assertEquals(null, row.signupIp);
        assertTrue(row.confirmRequestedAt != null, "the link's lifetime starts at the sign-up");
    }
}
