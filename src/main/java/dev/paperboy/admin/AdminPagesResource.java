package dev.paperboy.admin;

import dev.paperboy.mail.Outbox;
import dev.paperboy.mail.OutboxMail;
import dev.paperboy.system.BaseUrl;
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
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.util.List;

/** The operator's pages: a login with the admin token, and the local outbox with each mail as a reader sees it. */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
public class AdminPagesResource {

    static final String LOGIN = "/admin/login";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean failed);

        static native TemplateInstance outbox(List<OutboxMail> mails);

        static native TemplateInstance mail(OutboxMail mail);
    }

    private final Outbox outbox;
    private final AdminAuth auth;
    private final BaseUrl baseUrl;

    AdminPagesResource(Outbox outbox, AdminAuth auth, BaseUrl baseUrl) {
        this.baseUrl = baseUrl;
        this.outbox = outbox;
        this.auth = auth;
    }

    @GET
    @Path("login")
    public TemplateInstance loginPage() {
        return Templates.login(false);
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(@RestForm String token) {
        if (token == null || !auth.matches(token.trim())) {
            return Response.status(401).entity(Templates.login(true)).build();
        }
        NewCookie cookie = new NewCookie.Builder(AdminAuth.COOKIE).value(token.trim()).path("/").httpOnly(true)
                .secure(baseUrl.to("/").startsWith("https:")).sameSite(NewCookie.SameSite.STRICT).build();
        return Response.seeOther(URI.create("/admin/outbox")).cookie(cookie).build();
    }

    @GET
    @Path("outbox")
    public TemplateInstance outbox() {
        return Templates.outbox(outbox.list());
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
