package dev.paperboy.admin;

import dev.paperboy.system.BaseUrl;
import jakarta.ws.rs.core.NewCookie;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The console page a stranger asked for, kept in a cookie of their own across the sign-in, so that signing in lands
 * there and not on the dashboard. A cookie, not a {@code ?next=}: every stranger still gets the one same redirect,
 * and no subscriber's address searched for ends up in the login page's URL. Only a local /admin path is ever followed.
 */
@jakarta.inject.Singleton
public class SignInReturn {

    static final String COOKIE = "paperboy_return";
    static final String DASHBOARD = "/admin";
    private static final int MAX_LENGTH = 2000;

    private final BaseUrl baseUrl;

    SignInReturn(BaseUrl baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The cookie that remembers {@code asked} (raw path and query), or none if it is not a page worth returning to. */
    NewCookie remember(String asked) {
        return safe(asked) ? cookie(URLEncoder.encode(asked, StandardCharsets.UTF_8), 1800) : null;
    }

    /** Clears the cookie once the sign-in has used it. */
    NewCookie forget() {
        return cookie("", 0);
    }

    /** Where a sign-in carrying {@code cookieValue} goes: the page kept, if it is a local console page; else the dashboard. */
    static String target(String cookieValue) {
        if (cookieValue == null || cookieValue.isEmpty()) {
            return DASHBOARD;
        }
        try {
            String asked = URLDecoder.decode(cookieValue, StandardCharsets.UTF_8);
            return safe(asked) ? asked : DASHBOARD;
        } catch (IllegalArgumentException malformed) {
            return DASHBOARD;
        }
    }

    /**
     * A path on this site under /admin, nothing a browser could read as another host: no scheme, no {@code //host},
     * no backslash (browsers read {@code /\host} as {@code //host}), no control character or space; never the login or
     * logout, which would loop.
     */
    static boolean safe(String path) {
        if (path == null || path.length() > MAX_LENGTH || !path.startsWith(DASHBOARD)) {
            return false;
        }
        if (path.length() > DASHBOARD.length() && "/?".indexOf(path.charAt(DASHBOARD.length())) < 0) {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c <= ' ' || c == 0x7f || c == '\\') {
                return false;
            }
        }
        String bare = path.split("\\?", 2)[0];
        if (bare.startsWith(AdminPagesResource.LOGIN) || bare.startsWith("/admin/logout")) {
            return false;
        }
        try {
            URI uri = new URI(path);
            return uri.getScheme() == null && uri.getRawAuthority() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private NewCookie cookie(String value, int maxAge) {
        // Lax, not Strict: it is set on the redirect of what may be a link followed from elsewhere
        return new NewCookie.Builder(COOKIE).value(value).path(DASHBOARD).maxAge(maxAge).httpOnly(true)
                .secure(baseUrl.to("/").startsWith("https:")).sameSite(NewCookie.SameSite.LAX).build();
    }
}
