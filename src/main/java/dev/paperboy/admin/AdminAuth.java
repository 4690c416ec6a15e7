package dev.paperboy.admin;

import dev.paperboy.system.Secrets;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/**
 * Guards /api/admin/* and /admin/* with the admin token: a bearer header, or for the pages the cookie the login
 * page sets. The API takes no cookie, so no other site can make a signed-in browser call it.
 */
@jakarta.inject.Singleton
public class AdminAuth {

    static final String COOKIE = "paperboy_admin";

    private final Secrets secrets;
    private final SignInReturn signInReturn;

    AdminAuth(Secrets secrets, SignInReturn signInReturn) {
        this.secrets = secrets;
        this.signInReturn = signInReturn;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> check(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        boolean api = path.startsWith("/api/admin");
        boolean page = path.equals("/admin") || path.startsWith("/admin/");
        if (!(api || page) || path.equals(AdminPagesResource.LOGIN) || authorized(request, page)) {
            return Optional.empty();
        }
        if (api) {
            return Optional.of(Response.status(401).header("WWW-Authenticate", "Bearer realm=\"paperboy\"")
                    .type(MediaType.APPLICATION_JSON).entity(Map.of("error", "admin token required")).build());
        }
        Response.ResponseBuilder toLogin = Response.seeOther(URI.create(AdminPagesResource.LOGIN));
        if (opensAPage(request)) {
            URI asked = request.getUriInfo().getRequestUri();
            String pathAndQuery = asked.getRawPath() + (asked.getRawQuery() == null ? "" : "?" + asked.getRawQuery());
            NewCookie kept = signInReturn.remember(pathAndQuery);
            if (kept != null) {
                toLogin.cookie(kept);
            }
        }
        return Optional.of(toLogin.build());
    }

    /** A browser opening a page, not the dashboard's script polling its figures nor a form's post: worth returning to. */
    private static boolean opensAPage(ContainerRequestContext request) {
        String accept = request.getHeaderString("Accept");
        return "GET".equals(request.getMethod()) && accept != null && accept.contains("text/html");
    }

    /** The console's pages and the API's answers hold subscribers' addresses: no cache, shared or not, keeps them. */
    @ServerResponseFilter
    public void noStore(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/api/admin") || path.equals("/admin") || path.startsWith("/admin/")) {
            response.getHeaders().putSingle("Cache-Control", "no-store");
        }
    }

    private boolean authorized(ContainerRequestContext request, boolean cookieAllowed) {
        String header = request.getHeaderString("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return matches(header.substring(7).trim());
        }
        Cookie cookie = cookieAllowed ? request.getCookies().get(COOKIE) : null;
        return cookie != null && matches(cookie.getValue());
    }

    boolean matches(String given) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                secrets.adminToken().getBytes(StandardCharsets.UTF_8));
    }
}
