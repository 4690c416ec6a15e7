package dev.paperboy.subscriber;

import dev.paperboy.subscriber.feedback.Feedbacks;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Change interests, cadence, hour and zone, or pause, from the link in every mail. */
@Path("/preferences/{token}")
@Produces(MediaType.TEXT_HTML)
public class PreferencesResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance edit(ChoicesForm form, boolean saved, Links links, List<Feedbacks.Entry> feedback,
                                            List<InterestPreview> previews);

        static native TemplateInstance unavailable(String homeUrl, Links links);
    }

    private final SubscriberTokens tokens;
    private final SubscriptionService subscriptions;
    private final SubscriberLinks links;
    private final Feedbacks feedbacks;
    private final FormPreviews previews;

    PreferencesResource(SubscriberTokens tokens, SubscriptionService subscriptions, SubscriberLinks links,
                        Feedbacks feedbacks, FormPreviews previews) {
        this.tokens = tokens;
        this.subscriptions = subscriptions;
        this.links = links;
        this.feedbacks = feedbacks;
        this.previews = previews;
    }

    @GET
    public TemplateInstance edit(@PathParam("token") String token) {
        Subscriber subscriber = tokens.subscriber(LinkTokens.Purpose.PREFERENCES, token).orElseThrow(NotFoundException::new);
        if (!editable(subscriber)) {
            return Templates.unavailable(links.home(), links(subscriber));
        }
        return Templates.edit(ChoicesForm.of(subscriber), false, links(subscriber), feedbacks.of(subscriber.id), List.of());
    }

    /**
     * Saves the choices; the "Preview" button (for browsers without script) shows what the typed interests would
     * bring and saves nothing.
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("token") String token, @RestForm String interests, @RestForm String cadence,
                         @RestForm String hour, @RestForm String timezone, @RestForm String weekday,
                         @RestForm String papers, @RestForm String trending, @RestForm String paused,
                         @RestForm String preview) {
        Subscriber subscriber = tokens.subscriber(LinkTokens.Purpose.PREFERENCES, token).orElseThrow(NotFoundException::new);
        if (!editable(subscriber)) {
            return Response.status(Response.Status.CONFLICT)
                    .entity(Templates.unavailable(links.home(), links(subscriber))).build();
        }
        if (preview != null) {
            ChoicesForm typed = new ChoicesForm(subscriber.email, interests, cadence, hour, timezone, paused != null,
                    Map.of(), weekday, papers, trending != null);
            return Response.ok(Templates.edit(typed, false, links(subscriber), feedbacks.of(subscriber.id),
                    previews.of(interests))).build();
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<SubscriptionChoices> choices = SubscriptionChoices.check(SubscriptionChoices.lines(interests),
                cadence, hour, timezone, weekday, papers, trending != null, errors);
        boolean pause = paused != null;
        if (choices.isEmpty()) {
            ChoicesForm typed = new ChoicesForm(subscriber.email, interests, cadence, hour, timezone, pause, errors,
                    weekday, papers, trending != null);
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.edit(typed, false, links(subscriber), feedbacks.of(subscriber.id), List.of())).build();
        }
        Subscriber saved = subscriptions.updatePreferences(subscriber.tokenKey, choices.get(), pause)
                .orElseThrow(NotFoundException::new);
        return Response.ok(Templates.edit(ChoicesForm.of(saved), true, links(saved), feedbacks.of(saved.id), List.of()))
                .build();
    }

    /** The page's other links: unsubscribe, the feed, the subscriber's own data, and undoing a feedback. */
    public record Links(String unsubscribe, String feed, String data, String deletion, String preferences) {
        /** Where the "undo" of one "more/less like this" posts. */
        public String undo(long paperId) {
            return preferences + "/feedback/" + paperId + "/undo";
        }
    }

    private Links links(Subscriber subscriber) {
        return new Links(links.unsubscribe(subscriber), links.feed(subscriber), links.data(subscriber),
                links.deletion(subscriber), links.preferences(subscriber));
    }

    private static boolean editable(Subscriber subscriber) {
        return subscriber.state == Subscriber.State.active || subscriber.state == Subscriber.State.paused;
    }
}
