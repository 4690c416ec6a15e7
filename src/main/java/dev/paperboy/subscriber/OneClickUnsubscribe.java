package dev.paperboy.subscriber;

import dev.paperboy.system.ErrorPages;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Optional;

/**
 * POST /unsubscribe/{token}: the page's button and the RFC 8058 one-click target of mail clients, which send no
 * cookie and no CSRF token. A plain Vert.x route, so the form CSRF filter (whose check cannot be turned off per
 * path) does not refuse them; the unguessable token is what authorizes the request. Answers 200, never a redirect.
 */
@ApplicationScoped
public class OneClickUnsubscribe {

    private final SubscriptionService subscriptions;
    private final LinkTokens tokens;
    private final SubscriberLinks links;

    OneClickUnsubscribe(SubscriptionService subscriptions, LinkTokens tokens, SubscriberLinks links) {
        this.subscriptions = subscriptions;
        this.tokens = tokens;
        this.links = links;
    }

    void register(@Observes Router router) {
        router.post("/unsubscribe/:token").order(-1).blockingHandler(this::unsubscribe);
    }

    private void unsubscribe(RoutingContext context) {
        Optional<Subscriber> left = tokens.open(LinkTokens.Purpose.UNSUBSCRIBE, context.pathParam("token"))
                .flatMap(subscriptions::unsubscribe);
        String page = left.map(s -> UnsubscribeResource.Templates.done(s.email, links.home(), links.deletion(s)).render())
                .orElseGet(ErrorPages::notFoundPage);
        context.response()
                .setStatusCode(left.isPresent() ? 200 : 404)
                .putHeader("Content-Type", "text/html;charset=UTF-8")
                .putHeader("Cache-Control", "no-store")
                .end(page);
    }
}
