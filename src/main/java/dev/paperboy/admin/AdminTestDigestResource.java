package dev.paperboy.admin;

import dev.paperboy.digest.TestDigests;
import dev.paperboy.mail.MailFailure;
import dev.paperboy.subscriber.EmailAddress;
import dev.paperboy.subscriber.SubscriptionChoices;
import dev.paperboy.subscriber.interest.InterestLanguage;
import dev.paperboy.subscriber.interest.InterestRefused;
import dev.paperboy.subscriber.interest.ParsedInterest;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** "Send me a test digest": any interest, to an address the operator types, composed like a real digest. */
@Path("/admin/test-digest")
@Produces(MediaType.TEXT_HTML)
public class AdminTestDigestResource {

    @CheckedTemplate(basePath = "AdminPagesResource")
    static class Templates {
        static native TemplateInstance testDigest(String email, String interest, Map<String, String> problems,
                                                  String sent, String failure);
    }

    private final TestDigests testDigests;

    AdminTestDigestResource(TestDigests testDigests) {
        this.testDigests = testDigests;
    }

    @GET
    public TemplateInstance form() {
        return Templates.testDigest("", "", Map.of(), null, null);
    }

    /** Sends at once, so the page can tell what the relay answered; a bad field sends nothing. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response send(@RestForm String email, @RestForm String interest) {
        String typedEmail = email == null ? "" : email.strip();
        String typedInterest = interest == null ? "" : interest.strip();
        Map<String, String> problems = new LinkedHashMap<>();
        Optional<String> to = EmailAddress.check(typedEmail);
        if (to.isEmpty()) {
            problems.put("email", EmailAddress.refusal(typedEmail));
        }
        if (typedInterest.isEmpty() || typedInterest.length() > SubscriptionChoices.MAX_INTEREST_LENGTH
                || typedInterest.chars().anyMatch(Character::isISOControl)) {
            problems.put("interest", "Write one interest of 1 to " + SubscriptionChoices.MAX_INTEREST_LENGTH
                    + " characters on one line, like “graph neural networks”.");
        }
        ParsedInterest parsed = null;
        if (!problems.containsKey("interest")) {
            try {
                parsed = InterestLanguage.parse(typedInterest);
            } catch (InterestRefused refused) {
                problems.put("interest", refused.getMessage()); // as the sign-up form says it
            }
        }
        if (!problems.isEmpty()) {
            return Response.status(400).entity(Templates.testDigest(typedEmail, typedInterest, problems, null, null)).build();
        }
        try {
            int papers = testDigests.send(to.get(), parsed);
            String sent = papers == 0
                    ? "No paper of the recent window matches “" + typedInterest + "”, so no mail was sent (as for a subscriber)."
                    : "A test digest with " + papers + (papers == 1 ? " paper" : " papers") + " for “" + typedInterest
                      + "” went to " + to.get() + ".";
            return Response.ok(Templates.testDigest(to.get(), typedInterest, Map.of(), sent, null)).build();
        } catch (MailFailure failure) {
            return Response.status(502).entity(Templates.testDigest(to.get(), typedInterest, Map.of(), null,
                    "The relay did not take it: " + failure.getMessage())).build();
        }
    }
}
