package dev.paperboy.subscriber.privacy;

import dev.paperboy.subscriber.LinkTokens;
import dev.paperboy.subscriber.Subscriber;
import dev.paperboy.subscriber.SubscriberDeletion;
import dev.paperboy.subscriber.SubscriberLinks;
import dev.paperboy.subscriber.SubscriberTokens;
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

/**
 * From the preferences link: "download my data" (JSON of everything kept) and "delete me" (a page that asks, then a
 * POST that deletes every row about the subscriber). Works whatever the subscription's state, so someone who left
 * can still take their data and go.
 */
@Path("/preferences/{token}")
public class PrivacyResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance delete(String email, String preferencesUrl);

        static native TemplateInstance deleted(String homeUrl);
    }

    private final SubscriberTokens tokens;
    private final DataExport export;
    private final SubscriberDeletion deletion;
    private final SubscriberLinks links;

    PrivacyResource(SubscriberTokens tokens, DataExport export, SubscriberDeletion deletion, SubscriberLinks links) {
        this.tokens = tokens;
        this.export = export;
        this.deletion = deletion;
        this.links = links;
    }

    @GET
    @Path("data")
    @Produces(MediaType.APPLICATION_JSON)
    public Response data(@PathParam("token") String token) {
        Subscriber subscriber = owner(token);
        return Response.ok(export.of(subscriber))
                .header("Content-Disposition", "attachment; filename=\"paperboy-data.json\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    @GET
    @Path("delete")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance askToDelete(@PathParam("token") String token) {
        Subscriber subscriber = owner(token);
        return Templates.delete(subscriber.email, links.preferences(subscriber));
    }

    @POST
    @Path("delete")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance delete(@PathParam("token") String token) {
        if (!deletion.delete(owner(token).id)) {
            throw new NotFoundException();
        }
        return Templates.deleted(links.home());
    }

    private Subscriber owner(String token) {
        return tokens.subscriber(LinkTokens.Purpose.PREFERENCES, token).orElseThrow(NotFoundException::new);
    }
}
