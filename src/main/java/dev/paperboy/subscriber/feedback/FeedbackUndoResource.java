package dev.paperboy.subscriber.feedback;

import dev.paperboy.subscriber.LinkTokens;
import dev.paperboy.subscriber.Subscriber;
import dev.paperboy.subscriber.SubscriberLinks;
import dev.paperboy.subscriber.SubscriberTokens;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** The preferences page's "undo" beside one "more/less like this": forgets it, then back to the page (303). */
@Path("/preferences/{token}/feedback/{paper}/undo")
public class FeedbackUndoResource {

    private final SubscriberTokens tokens;
    private final Feedbacks feedbacks;
    private final SubscriberLinks links;

    FeedbackUndoResource(SubscriberTokens tokens, Feedbacks feedbacks, SubscriberLinks links) {
        this.tokens = tokens;
        this.feedbacks = feedbacks;
        this.links = links;
    }

    @POST
    public Response undo(@PathParam("token") String token, @PathParam("paper") long paperId) {
        Subscriber subscriber = tokens.subscriber(LinkTokens.Purpose.PREFERENCES, token).orElseThrow(NotFoundException::new);
        feedbacks.undo(subscriber.id, paperId);
        return Response.seeOther(URI.create(links.preferences(subscriber) + "#feedback")).build();
    }
}
