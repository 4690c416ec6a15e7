package dev.paperboy.admin;

import dev.paperboy.system.ClientAddresses;
import dev.paperboy.system.ErrorPages;
import dev.paperboy.system.Secrets;
import io.vertx.core.http.HttpServerRequest;
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
 * page sets. The API takes no cookie, so no other site can make a signed-in browser call it. A wrong token is logged
 * and counted against its client ({@link WrongTokens}); a client past the limit is answered 429 unchecked.
 */
@jakarta.inject.Singleton
public class AdminAuth {

    static final String COOKIE = "paperboy_admin";
    /** The request property holding a login post's client, for counting its answer. */
    private static final String CLIENT = "paperboy.admin.client";

    private final Secrets secrets;
    private final SignInReturn signInReturn;
    private final ClientAddresses clients;
    private final WrongTokens wrongTokens;

    AdminAuth(Secrets secrets, SignInReturn signInReturn, ClientAddresses clients, WrongTokens wrongTokens) {
        this.secrets = secrets;
        this.signInReturn = signInReturn;
        this.clients = clients;
        this.wrongTokens = wrongTokens;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> check(ContainerRequestContext request, HttpServerRequest http) {
        String path = request.getUriInfo().getPath();
        boolean api = path.startsWith("/api/admin");
        boolean page = path.equals("/admin") || path.startsWith("/admin/");
        if (!(api || page)) {
            return Optional.empty();
        }
        if (path.equals(AdminPagesResource.LOGIN)) {
            return "POST".equals(request.getMethod()) ? loginHeld(request, http) : Optional.empty();
        }
        String given = presented(request, page);
        boolean wrongCookie = false;
        if (given != null) {
            String client = clients.rateKey(http);
            long held = wrongTokens.secondsHeld(client);
            if (held > 0) {
                return Optional.of(held(api, held));
            }
            if (matches(given)) {
                return Optional.empty();
            }
            wrongTokens.refused(client, request.getMethod() + " " + path);
            wrongCookie = !bearer(request);
        }
        if (api) {
            return Optional.of(Response.status(401).header("WWW-Authenticate", "Bearer realm=\"paperboy\"")
                    .type(MediaType.APPLICATION_JSON).entity(Map.of("error", "admin token required")).build());
        }
        Response.ResponseBuilder toLogin = Response.seeOther(URI.create(AdminPagesResource.LOGIN));
        if (wrongCookie) {
            toLogin.cookie(cleared()); // an old token's cookie would count against its client on every page
        }
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

    /** The login form's token is read by its resource: here only whether its client is held, kept for the answer. */
    private Optional<Response> loginHeld(ContainerRequestContext request, HttpServerRequest http) {
        String client = clients.rateKey(http);
        long held = wrongTokens.secondsHeld(client);
        if (held > 0) {
            return Optional.of(held(false, held));
        }
        request.setProperty(CLIENT, client);
        return Optional.empty();
    }

    /** A login refused (401: a wrong token in the form) counts as a wrong token of its client. */
    @ServerResponseFilter
    public void countRefusedLogin(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 401 && request.getProperty(CLIENT) instanceof String client) {
            wrongTokens.refused(client, "POST " + AdminPagesResource.LOGIN);
        }
    }

    /** The console's pages and the API's answers hold subscribers' addresses: no cache, shared or not, keeps them. */
    @ServerResponseFilter
    public void noStore(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/api/admin") || path.equals("/admin") || path.startsWith("/admin/")) {
            response.getHeaders().putSingle("Cache-Control", "no-store");
        }
    }

    /** The 429 for a client past the limit of wrong tokens: JSON under /api/, else the page. */
    static Response held(boolean api, long seconds) {
        Response.ResponseBuilder tooMany = Response.status(429).header("Retry-After", Long.toString(seconds));
        return api
                ? tooMany.type(MediaType.APPLICATION_JSON).entity(Map.of("error", "too many wrong admin tokens from"
                        + " this address; try again in " + seconds + " s")).build()
                : tooMany.type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(ErrorPages.tooManyPage(seconds)).build();
    }

    private static NewCookie cleared() {
        return new NewCookie.Builder(COOKIE).value("").path("/").maxAge(0).httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }

    /** The token the request presents (a bearer header, or for pages the sign-in cookie), or null for none. */
    private static String presented(ContainerRequestContext request, boolean cookieAllowed) {
        if (bearer(request)) {
            return request.getHeaderString("Authorization").substring(7).trim();
        }
        Cookie cookie = cookieAllowed ? request.getCookies().get(COOKIE) : null;
        return cookie == null ? null : cookie.getValue();
    }

    private static boolean bearer(ContainerRequestContext request) {
        String header = request.getHeaderString("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    boolean matches(String given) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                secrets.adminToken().getBytes(StandardCharsets.UTF_8));
    }
}
