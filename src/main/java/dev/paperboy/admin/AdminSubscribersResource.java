package dev.paperboy.admin;

import dev.paperboy.subscriber.Subscriber;
import dev.paperboy.subscriber.SubscriptionService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The operator's subscriber pages: a search by address, one subscriber whole, and pause, unsubscribe or delete,
 * each asked first on a page of its own (GET shows, POST with the form's CSRF token acts). Like every /admin page
 * they are behind {@link AdminAuth}: to anyone else a search answers only the login redirect, whatever the address.
 */
@Path("/admin/subscribers")
@Produces(MediaType.TEXT_HTML)
public class AdminSubscribersResource {

    static final int MAX_QUERY = 254;

    @CheckedTemplate(basePath = "AdminPagesResource")
    static class Templates {
        static native TemplateInstance search(String query, List<SubscriberLookup.Match> matches, boolean more,
                                              String problem, boolean deleted, long total, String next,
                                              boolean paged);

        static native TemplateInstance subscriber(SubscriberLookup.Detail detail, String done, List<Action> actions);

        static native TemplateInstance confirmAction(Subscriber subscriber, Action action, String problem);
    }

    /** What an operator can do to one subscription, and from which states it makes sense. */
    public enum Action {
        pause("Pause", "No digest goes out until they resume from their preferences page.", Set.of(Subscriber.State.active)),
        unsubscribe("Unsubscribe", "They get no more digests; signing up again starts over.",
                Set.of(Subscriber.State.pending, Subscriber.State.active, Subscriber.State.paused)),
        delete("Delete", "Every row about them is removed: the address, their choices, digests and their papers."
                + " Their links stop working. This cannot be undone.", Set.of(Subscriber.State.values()));

        public final String label;
        public final String consequence;
        private final Set<Subscriber.State> from;

        Action(String label, String consequence, Set<Subscriber.State> from) {
            this.label = label;
            this.consequence = consequence;
            this.from = from;
        }

        public boolean appliesTo(Subscriber subscriber) {
            return from.contains(subscriber.state);
        }

        static Optional<Action> named(String name) {
            return Arrays.stream(values()).filter(action -> action.name().equals(name)).findFirst();
        }
    }

    private final SubscriberLookup lookup;
    private final SubscriptionService subscriptions;

    AdminSubscribersResource(SubscriberLookup lookup, SubscriptionService subscriptions) {
        this.lookup = lookup;
        this.subscriptions = subscriptions;
    }

    @GET
    public Response search(@QueryParam("q") String query, @QueryParam("after") String after,
                           @QueryParam("deleted") String deleted) {
        boolean wasDeleted = deleted != null;
        if (query == null || query.isBlank()) {
            return Response.ok(Templates.search("", List.of(), false, null, wasDeleted, 0, null, false)).build();
        }
        if (query.length() > MAX_QUERY || (after != null && after.length() > MAX_QUERY)) {
            return Response.status(400).entity(Templates.search(query.substring(0, Math.min(query.length(), MAX_QUERY)),
                    List.of(), false, "Search for at most " + MAX_QUERY + " characters: no address is longer.",
                    wasDeleted, 0, null, false)).build();
        }
        String from = after == null || after.isEmpty() ? null : after;
        List<SubscriberLookup.Match> matches = lookup.search(query, from);
        boolean more = matches.size() > SubscriberLookup.MAX_MATCHES;
        List<SubscriberLookup.Match> shown = more ? matches.subList(0, SubscriberLookup.MAX_MATCHES) : matches;
        long total = from == null && !more ? shown.size() : lookup.count(query);
        return Response.ok(Templates.search(query.strip(), shown, more, null, wasDeleted, total,
                more ? shown.get(shown.size() - 1).key() : null, from != null)).build();
    }

    @GET
    @Path("{id}")
    public TemplateInstance subscriber(@PathParam("id") long id, @QueryParam("done") String done) {
        SubscriberLookup.Detail detail = lookup.detail(id).orElseThrow(NotFoundException::new);
        return Templates.subscriber(detail, Action.named(done).map(action -> action.label).orElse(null),
                List.of(Action.values()));
    }

    /** Asks first; changes nothing. */
    @GET
    @Path("{id}/{action}")
    public TemplateInstance confirm(@PathParam("id") long id, @PathParam("action") String name) {
        Action action = Action.named(name).orElseThrow(NotFoundException::new);
        Subscriber subscriber = lookup.detail(id).orElseThrow(NotFoundException::new).subscriber();
        return Templates.confirmAction(subscriber, action, null);
    }

    /** Does it to this one subscriber, then shows them (or, once deleted, the search). */
    @POST
    @Path("{id}/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("id") long id, @PathParam("action") String name) {
        Action action = Action.named(name).orElseThrow(NotFoundException::new);
        Subscriber subscriber = lookup.detail(id).orElseThrow(NotFoundException::new).subscriber();
        if (!action.appliesTo(subscriber)) {
            return Response.status(409).entity(Templates.confirmAction(subscriber, action,
                    "This subscriber is " + subscriber.state + ": there is nothing to " + action.name() + ".")).build();
        }
        boolean done = switch (action) {
            case pause -> subscriptions.pauseByOperator(id);
            case unsubscribe -> subscriptions.unsubscribeByOperator(id);
            case delete -> subscriptions.delete(id);
        };
        if (!done) {
            throw new NotFoundException();
        }
        URI next = URI.create(action == Action.delete ? "/admin/subscribers?deleted=1" : "/admin/subscribers/" + id + "?done=" + action);
        return Response.seeOther(next).build();
    }
}
