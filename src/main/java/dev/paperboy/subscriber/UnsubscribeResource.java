package dev.paperboy.subscriber;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The unsubscribe link's page: one button. Its POST is {@link OneClickUnsubscribe}, shared with RFC 8058 clients. */
@Path("/unsubscribe/{token}")
@Produces(MediaType.TEXT_HTML)
public class UnsubscribeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance confirm(String email, boolean alreadyGone);

        static native TemplateInstance done(String email, String homeUrl, String deletionUrl);
    }

    private final SubscriberTokens tokens;

    UnsubscribeResource(SubscriberTokens tokens) {
        this.tokens = tokens;
    }

    @GET
    public TemplateInstance page(@PathParam("token") String token) {
        Subscriber subscriber = tokens.subscriber(LinkTokens.Purpose.UNSUBSCRIBE, token).orElseThrow(NotFoundException::new);
        return Templates.confirm(subscriber.email, subscriber.state == Subscriber.State.unsubscribed);
    }
}
