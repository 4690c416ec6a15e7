package dev.paperboy.system;

import jakarta.inject.Singleton;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;
import java.util.Set;

/**
 * A page's POST (sign-up, confirm, preferences, feedback, the admin console) is a form post, or it is refused as an
 * expired form. The CSRF filter checks the token only in form bodies (the JSON admin API takes no form), so a POST
 * with no Content-Type, or text/plain, would otherwise act without a token: what {@code fetch(url, {method: "POST",
 * credentials: "include"})} from a page of the same site sends. The API (bearer token) and the one-click unsubscribe
 * (its own route, authorized by its token alone) are not pages. Runs after the console's sign-in check (admin/AdminAuth), so
 * strangers to the console are still sent to its sign-in.
 */
@Singleton
public class PageFormPosts {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @ServerRequestFilter(preMatching = true, priority = Priorities.USER + 5)
    public Optional<Response> refuseOtherBodies(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (SAFE.contains(request.getMethod()) || path.startsWith("/api/") || path.startsWith("/q/")) {
            return Optional.empty();
        }
        MediaType type = ErrorPages.mediaType(request.getHeaderString("Content-Type"));
        if (type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE))) {
            return Optional.empty();
        }
        return Optional.of(Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(ErrorPages.formExpiredPage()).build());
    }
}
