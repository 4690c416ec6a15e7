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

/** "View in browser": one sent digest as a web page. */
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
        Digest digest = tokens.open(LinkTokens.Purpose.DIGEST, token)
                .flatMap(Digest::byTokenKey)
                .filter(d -> "sent".equals(d.state))
                .orElseThrow(NotFoundException::new);
        return Templates.view(views.of(digest, Subscriber.findById(digest.subscriberId)));
    }
}
