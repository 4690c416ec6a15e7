package dev.paperboy.subscriber;

import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import dev.paperboy.system.ClientAddresses;
import dev.paperboy.system.PaperboyConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The sign-up form and its answer. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SignupResource {

    /** The honeypot: a field the page hides from people (templates/subscriber/trap.html). */
    static final String TRAP = "website";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(ChoicesForm form, List<NewestPaper> papers, String csrfToken,
                                            List<InterestPreview> previews);

        static native TemplateInstance checkInbox(String email);
    }

    private final SubscriptionService subscriptions;
    private final SignupPage page;
    private final FormPreviews previews;
    private final CsrfTokenParameterProvider csrf;
    private final ClientAddresses clients;
    private final boolean recordClient;

    SignupResource(SubscriptionService subscriptions, SignupPage page, FormPreviews previews,
                   CsrfTokenParameterProvider csrf, ClientAddresses clients, PaperboyConfig config) {
        this.subscriptions = subscriptions;
        this.page = page;
        this.previews = previews;
        this.csrf = csrf;
        this.clients = clients;
        this.recordClient = config.recordSignupIp();
    }

    @GET
    public String form() {
        return page.blank(csrf.getToken());
    }

    /**
     * The same "check your inbox" page whether or not the address was known: the form reveals no subscriber. A post
     * that filled the field people never see ({@link #TRAP}) is a bot's: it gets that page too, and nothing happens.
     * The form's "Preview" button (for browsers without script) shows the form again with what each interest would
     * bring, and subscribes nobody.
     */
    @POST
    @Path("subscribe")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response subscribe(@RestForm String email, @RestForm String interests, @RestForm String cadence,
                              @RestForm String hour, @RestForm String timezone, @RestForm String weekday,
                              @RestForm String papers, @RestForm String trending, @RestForm(TRAP) String trap,
                              @RestForm String preview, @Context HttpServerRequest request) {
        if (preview != null) {
            ChoicesForm typed = new ChoicesForm(email, interests, cadence, hour, timezone, false, Map.of(), weekday,
                    papers, trending != null);
            return Response.ok(page.typed(typed, csrf.getToken(), previews.of(interests))).build();
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<String> address = EmailAddress.check(email);
        if (address.isEmpty()) {
            errors.put("email", EmailAddress.refusal(email));
        }
        Optional<SubscriptionChoices> choices = SubscriptionChoices.check(SubscriptionChoices.lines(interests),
                cadence, hour, timezone, weekday, papers, trending != null, errors);
        if (!errors.isEmpty()) {
            ChoicesForm typed = new ChoicesForm(email, interests, cadence, hour, timezone, false, errors, weekday,
                    papers, trending != null);
            return Response.status(Response.Status.BAD_REQUEST).entity(page.typed(typed, csrf.getToken(), List.of())).build();
        }
        if (trap == null || trap.isEmpty()) {
            subscriptions.signUp(address.get(), choices.get(), recordClient ? clients.of(request) : null);
        }
        return Response.ok(Templates.checkInbox(address.get())).build();
    }
}
