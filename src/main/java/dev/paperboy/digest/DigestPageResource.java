package dev.paperboy.digest;

import dev.paperboy.subscriber.LinkTokens;
import dev.paperboy.subscriber.Subscriber;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Optional;

/** One sent digest as a web page: the mail's "view in browser", or the feed entry's copy without the subscription. */
@Path("/digests/{token}")
@Produces(MediaType.TEXT_HTML)
public class DigestPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance view(DigestView digest);
    }

    private final LinkTokens tokens;
    private final DigestViews views;

    DigestPageResource(LinkTokens tokens, DigestViews views) {
        this.tokens = tokens;
        this.views = views;
    }

    @GET
    @Transactional
    public TemplateInstance view(@PathParam("token") String token) {
        Optional<Digest> mailed = sent(LinkTokens.Purpose.DIGEST, token);
        if (mailed.isPresent()) {
            return Templates.view(views.of(mailed.get(), Subscriber.findById(mailed.get().subscriberId)));
        }
        return Templates.view(views.forFeed(sent(LinkTokens.Purpose.FEED_ENTRY, token).orElseThrow(NotFoundException::new)));
    }

    private Optional<Digest> sent(LinkTokens.Purpose purpose, String token) {
        return tokens.open(purpose, token).flatMap(Digest::byTokenKey).filter(d -> "sent".equals(d.state));
    }
}
