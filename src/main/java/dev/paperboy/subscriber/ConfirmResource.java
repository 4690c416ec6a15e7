package dev.paperboy.subscriber;

import dev.paperboy.system.Durations;
import dev.paperboy.system.PaperboyConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The confirmation link: GET shows a page that confirms by POST (at once with script, by a button without). A link
 * older than PAPERBOY_CONFIRM_TTL confirms nothing.
 */
@Path("/confirm/{token}")
@Produces(MediaType.TEXT_HTML)
public class ConfirmResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance confirm(String email);

        static native TemplateInstance confirmed(String email, String preferencesUrl);

        static native TemplateInstance expired(String ttl, String homeUrl);
    }

    private final SubscriberTokens tokens;
    private final SubscriptionService subscriptions;
    private final SubscriberLinks links;
    private final Duration ttl;

    ConfirmResource(SubscriberTokens tokens, SubscriptionService subscriptions, SubscriberLinks links,
                    PaperboyConfig config) {
        this.tokens = tokens;
        this.subscriptions = subscriptions;
        this.links = links;
        this.ttl = config.confirmTtl();
    }

    @GET
    public Response page(@PathParam("token") String token) {
        Subscriber subscriber = tokens.subscriber(LinkTokens.Purpose.CONFIRM, token)
                .filter(s -> s.state != Subscriber.State.unsubscribed)
                .orElseThrow(NotFoundException::new);
        if (subscriber.confirmationExpired(ttl, Instant.now())) {
            return expired();
        }
        return Response.ok(Templates.confirm(subscriber.email)).build();
    }

    @POST
    public Response confirm(@PathParam("token") String token) {
        Optional<Subscriber> known = tokens.subscriber(LinkTokens.Purpose.CONFIRM, token);
        if (known.isPresent() && known.get().confirmationExpired(ttl, Instant.now())) {
            return expired();
        }
        Subscriber subscriber = known.flatMap(s -> subscriptions.confirm(s.tokenKey, ttl))
                .orElseThrow(NotFoundException::new);
        return Response.ok(Templates.confirmed(subscriber.email, links.preferences(subscriber))).build();
    }

    /** 410: the link was genuine but is too old; the sign-up is deleted soon after (ExpiredSignups). */
    private Response expired() {
        return Response.status(Response.Status.GONE).entity(Templates.expired(Durations.words(ttl), links.home())).build();
    }
}
