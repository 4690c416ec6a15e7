package dev.paperboy.admin;

import dev.paperboy.paper.format.PaperFormats;
import dev.paperboy.system.ErrorPages;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Map;
import java.util.Optional;

/**
 * The admin API takes no HTML form: a form post to it (what {@code curl -d @papers.json} sends without a
 * Content-Type) gets a 415 that names the types it takes, instead of the CSRF filter's "form expired" page.
 * Runs after {@link AdminAuth}, so strangers still get their 401.
 */
@jakarta.inject.Singleton
public class ApiFormPosts {

    @ServerRequestFilter(preMatching = true, priority = Priorities.USER + 10)
    public Optional<Response> refuseForms(ContainerRequestContext request) {
        MediaType type = ErrorPages.mediaType(request.getHeaderString("Content-Type"));
        if (type == null || !request.getUriInfo().getPath().startsWith("/api/admin/")
                || !(type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE) || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE))) {
            return Optional.empty();
        }
        String message = request.getUriInfo().getPath().equals("/api/admin/papers")
                ? new PaperFormats.UnsupportedType(request.getHeaderString("Content-Type")).getMessage()
                : "unsupported Content-Type " + type + "; send application/json";
        return Optional.of(Response.status(415).type(MediaType.APPLICATION_JSON).entity(Map.of("error", message)).build());
    }
}
