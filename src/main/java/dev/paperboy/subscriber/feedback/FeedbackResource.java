package dev.paperboy.subscriber.feedback;

import dev.paperboy.subscriber.SubscriberLinks;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * A digest's "more like this" / "less like this" link: GET shows the choice and a button (a script presses it at
 * once), only the POST records it, since mail scanners open every link. A forged token, or one altered to name
 * another paper or the other choice, is a 404 and records nothing.
 */
@Path("/feedback/{token}")
@Produces(MediaType.TEXT_HTML)
public class FeedbackResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance ask(boolean more, String title);

        static native TemplateInstance recorded(boolean more, String title, String preferencesUrl);
    }

    private final Feedbacks feedbacks;
    private final SubscriberLinks links;

    FeedbackResource(Feedbacks feedbacks, SubscriberLinks links) {
        this.feedbacks = feedbacks;
        this.links = links;
    }

    @GET
    public TemplateInstance ask(@PathParam("token") String token) {
        Feedbacks.Target target = feedbacks.open(token).orElseThrow(NotFoundException::new);
        return Templates.ask(target.more(), target.paper().title);
    }

    @POST
    public TemplateInstance record(@PathParam("token") String token) {
        Feedbacks.Target target = feedbacks.open(token).orElseThrow(NotFoundException::new);
        feedbacks.record(target.subscriber().id, target.paper().id, target.more());
        return Templates.recorded(target.more(), target.paper().title, links.preferences(target.subscriber()));
    }
}
