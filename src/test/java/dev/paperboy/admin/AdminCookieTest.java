package dev.paperboy.admin;

import dev.paperboy.system.FixedSecrets;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin session cookie: HttpOnly, SameSite=Strict, for the whole site, and Secure whenever the public URL is
 * https (behind a TLS proxy Paperboy itself serves plain http, so the flag follows the configured URL). The same
 * cookie over plain http is checked on the wire in AdminApiTest.
 */
class AdminCookieTest {

    private static final String TOKEN = "unit-test-admin-token";

    private static AdminPagesResource pages(String baseUrl) {
        SignInReturn signInReturn = new SignInReturn(FixedSecrets.baseUrl(baseUrl));
        return new AdminPagesResource(null, new AdminAuth(FixedSecrets.withLinkKey(new byte[32]), signInReturn, null, null),
                FixedSecrets.baseUrl(baseUrl), null, null, signInReturn);
    }

    private static NewCookie signIn(String baseUrl) {
        Response response = pages(baseUrl).login(" " + TOKEN + " ", null);
        assertEquals(303, response.getStatus());
        return response.getCookies().get(AdminAuth.COOKIE);
    }

    @Test
    void behindHttpsTheCookieIsSecure() {
        NewCookie cookie = signIn("https://papers.example.org");
        assertTrue(cookie.isSecure());
        assertTrue(cookie.isHttpOnly());
        assertEquals(NewCookie.SameSite.STRICT, cookie.getSameSite());
        assertEquals("/", cookie.getPath());
        assertEquals(TOKEN, cookie.getValue());
    }

    @Test
    void overPlainHttpItCannotBeSecureButIsStillHttpOnlyAndStrict() {
        NewCookie cookie = signIn("http://localhost:8080");
        assertFalse(cookie.isSecure(), "a Secure cookie would never come back over http");
        assertTrue(cookie.isHttpOnly());
        assertEquals(NewCookie.SameSite.STRICT, cookie.getSameSite());
    }

    /** Signing out overwrites the cookie with an empty one that expires at once, with the same flags. */
    @Test
    void signingOutExpiresTheCookieWithTheSameFlags() {
        Response response = pages("https://papers.example.org").logout();
        assertEquals(303, response.getStatus());
        NewCookie gone = response.getCookies().get(AdminAuth.COOKIE);
        assertEquals("", gone.getValue());
        assertEquals(0, gone.getMaxAge());
        assertTrue(gone.isSecure() && gone.isHttpOnly());
        assertEquals(NewCookie.SameSite.STRICT, gone.getSameSite());
        assertEquals("/", gone.getPath());
    }
}
