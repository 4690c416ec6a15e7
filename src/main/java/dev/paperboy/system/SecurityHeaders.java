package dev.paperboy.system;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The headers every answer carries, pages, API, static files and error pages alike: scripts and styles only from
 * Paperboy itself, no framing, no Referer (tokens travel in link paths). A response that sets its own
 * Content-Security-Policy or X-Frame-Options keeps it.
 */
@ApplicationScoped
public class SecurityHeaders {

    /** Scripts, styles, images and fonts from Paperboy only; forms post only to it; nothing frames it. */
    public static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " font-src 'self'; connect-src 'self'; manifest-src 'self'; form-action 'self';"
            + " frame-ancestors 'none'; base-uri 'none'";

    void register(@Observes Router router) {
        router.route().order(-1000).handler(context -> {
            context.addHeadersEndHandler(done -> apply(context.response().headers()));
            context.next();
        });
    }

    static void apply(MultiMap headers) {
        if (!headers.contains("Content-Security-Policy")) {
            headers.set("Content-Security-Policy", POLICY);
        }
        if (!headers.contains("X-Frame-Options")) {
            headers.set("X-Frame-Options", "DENY");
        }
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Content-Type-Options", "nosniff");
    }
}
