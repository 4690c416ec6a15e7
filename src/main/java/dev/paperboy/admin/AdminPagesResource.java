package dev.paperboy.admin;

import dev.paperboy.mail.Outbox;
import dev.paperboy.mail.OutboxMail;
import dev.paperboy.mail.OutboxPage;
import dev.paperboy.system.BaseUrl;
import dev.paperboy.system.PaperboyConfig;
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
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * The operator's pages: a login with the admin token, the dashboard (its runs' figures also as JSON for the page's
 * script), and the local outbox with each mail as a reader sees it.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
public class AdminPagesResource {

    static final String LOGIN = "/admin/login";
    /** Mails on one page of the outbox: after a run it holds one per subscriber. */
    static final int OUTBOX_PAGE = 100;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean failed);

        static native TemplateInstance dashboard(Dashboard.Overview overview, Instant now, String relay);

        static native TemplateInstance outbox(OutboxPage page, int pageSize);

        static native TemplateInstance mail(OutboxMail mail);
    }

    private final Outbox outbox;
    private final AdminAuth auth;
    private final BaseUrl baseUrl;
    private final Dashboard dashboard;
    private final PaperboyConfig config;
    private final SignInReturn signInReturn;

    AdminPagesResource(Outbox outbox, AdminAuth auth, BaseUrl baseUrl, Dashboard dashboard, PaperboyConfig config,
                       SignInReturn signInReturn) {
        this.signInReturn = signInReturn;
        this.baseUrl = baseUrl;
        this.outbox = outbox;
        this.auth = auth;
        this.dashboard = dashboard;
        this.config = config;
    }

    @GET
    public TemplateInstance dashboard() {
        String relay = config.smtp().host().map(host -> host + ":" + config.smtp().port()).orElse(null);
        return Templates.dashboard(dashboard.overview(), Instant.now(), relay);
    }

    /** The latest runs and their figures, for the dashboard's script; the same figures as /api/admin/runs/{id}. */
    @GET
    @Path("runs")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> runs() {
        return Map.of("asOf", Instant.now(), "runs", dashboard.runs());
    }

    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout() {
        return Response.seeOther(URI.create(LOGIN)).cookie(session("", 0)).build();
    }

    /** The sign-in cookie: the whole site, HttpOnly, SameSite=Strict, and Secure when the public URL is https. */
    private NewCookie session(String value, int maxAge) {
        return new NewCookie.Builder(AdminAuth.COOKIE).value(value).path("/").maxAge(maxAge).httpOnly(true)
                .secure(baseUrl.to("/").startsWith("https:")).sameSite(NewCookie.SameSite.STRICT).build();
    }

    @GET
    @Path("login")
    public TemplateInstance loginPage() {
        return Templates.login(false);
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(@RestForm String token, @RestCookie(SignInReturn.COOKIE) String asked) {
        if (token == null || !auth.matches(token.trim())) {
            return Response.status(401).entity(Templates.login(true)).build();
        }
        return Response.seeOther(URI.create(SignInReturn.target(asked)))
                .cookie(session(token.trim(), NewCookie.DEFAULT_MAX_AGE), signInReturn.forget()).build();
    }

    @GET
    @Path("outbox")
    public TemplateInstance outbox(@QueryParam("before") String before) {
        return Templates.outbox(outbox.page(before, OUTBOX_PAGE), OUTBOX_PAGE);
    }

    @GET
    @Path("outbox/{name}")
    public TemplateInstance mail(@PathParam("name") String name) {
        return Templates.mail(outbox.read(name).orElseThrow(NotFoundException::new));
    }

    /**
     * A mail's HTML part alone, for the frame of its page: mail HTML is all inline styles, so it gets a policy of
     * its own, sandboxed, with no script and only this site may frame it.
     */
    @GET
    @Path("outbox/{name}/html")
    public Response mailHtml(@PathParam("name") String name) {
        OutboxMail mail = outbox.read(name).orElseThrow(NotFoundException::new);
        return Response.ok("<base target=\"_blank\">" + mail.html())
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:;"
                        + " frame-ancestors 'self'; form-action 'none'; sandbox allow-popups allow-popups-to-escape-sandbox")
                .header("X-Frame-Options", "SAMEORIGIN")
                .build();
    }
}
