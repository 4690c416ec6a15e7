package dev.paperboy.subscriber;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The confirmation link: GET shows a page that confirms by POST (at once with script, by a button without). */
@Path("/confirm/{token}")
@Produces(MediaType.TEXT_HTML)
public class ConfirmResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance confirm(String email);

        static native TemplateInstance confirmed(String email, String preferencesUrl);
    }

    private final SubscriberTokens tokens;
    private final SubscriptionService subscriptions;
    private final SubscriberLinks links;

    ConfirmResource(SubscriberTokens tokens, SubscriptionService subscriptions, SubscriberLinks links) {
        this.tokens = tokens;
        this.subscriptions = subscriptions;
        this.links = links;
    }

    @GET
    public TemplateInstance page(@PathParam("token") String token) {
        Subscriber subscriber = tokens.subscriber(LinkTokens.Purpose.CONFIRM, token)
                .filter(s -> s.state != Subscriber.State.unsubscribed)
                .orElseThrow(NotFoundException::new);
        return Templates.confirm(subscriber.email);
    }

    @POST
    public TemplateInstance confirm(@PathParam("token") String token) {
        Subscriber subscriber = tokens.key(LinkTokens.Purpose.CONFIRM, token)
                .flatMap(subscriptions::confirm)
                .orElseThrow(NotFoundException::new);
        return Templates.confirmed(subscriber.email, links.preferences(subscriber));
    }
}
