package dev.paperboy.digest;

import dev.paperboy.subscriber.LinkTokens;
import dev.paperboy.subscriber.Subscriber;
import dev.paperboy.subscriber.SubscriberLinks;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

import java.time.Instant;
import java.util.List;

/** A subscriber's sent digests as an Atom feed, one entry per digest, for people who read feeds instead of mail. */
@Path("/feed/{token}")
public class DigestFeedResource {

    static final int ENTRIES = 30;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance feed(String selfUrl, String homeUrl, Instant updated, List<Entry> entries);
    }

    /** One digest of the feed. */
    public record Entry(String id, String title, Instant sent, DigestView digest) {
    }

    private final LinkTokens tokens;
    private final DigestViews views;
    private final SubscriberLinks links;

    DigestFeedResource(LinkTokens tokens, DigestViews views, SubscriberLinks links) {
        this.tokens = tokens;
        this.views = views;
        this.links = links;
    }

    @GET
    @Produces("application/atom+xml;charset=UTF-8")
    @Transactional
    public TemplateInstance feed(@PathParam("token") String token) {
        Subscriber subscriber = tokens.open(LinkTokens.Purpose.FEED, token)
                .flatMap(Subscriber::byTokenKey)
                .orElseThrow(NotFoundException::new);
        List<Entry> entries = Digest.sentTo(subscriber.id, ENTRIES).stream()
                .map(d -> {
                    DigestView view = views.forFeed(d);
                    return new Entry(view.viewUrl(), view.countLabel() + " for " + view.periodLabel(), d.sentAt, view);
                })
                .toList();
        Instant updated = entries.isEmpty() ? subscriber.createdAt : entries.get(0).sent();
        // a feed URL is often handed to a reader service: nothing in it, or behind its links, shows the address or
        // can change the subscription
        return Templates.feed(links.feed(subscriber), links.home(), updated, entries);
    }
}
