package dev.paperboy.system;

import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A request whose Content-Length is over the body limit ({@code quarkus.http.limits.max-body-size}, from
 * PAPERBOY_MAX_DOCUMENT_SIZE) gets 413 with the site's page, or JSON under /api/, and the connection closed, before
 * any of it is read. Quarkus' own check answers the same from the length alone, but with an empty body: a blank page.
 * A request that waits for {@code 100 Continue} is still left to Quarkus' empty 413: JDK 17's HttpClient never returns
 * when a final answer to such a request has a body (JDK-8286171). Browsers never send Expect.
 */
@ApplicationScoped
public class BodyLimit {

    private final long limit;

    BodyLimit() {
        this.limit = ConfigProvider.getConfig().getOptionalValue("quarkus.http.limits.max-body-size", String.class)
                .map(size -> new MemorySizeConverter().convert(size).asLongValue()).orElse(Long.MAX_VALUE);
    }

    void register(@Observes Router router) {
        // after the security headers (-1000), before the rate limits (-500) and Quarkus' own check (-2)
        router.route().order(-600).handler(this::check);
        // a form field over max-form-attribute-size, when Vert.x's own form decoder is the one that refuses it
        router.route().order(-600).failureHandler(context -> {
            if (context.statusCode() == 413 && !context.response().headWritten()) {
                refuse(context, ErrorPages.TOO_LARGE);
            } else {
                context.next();
            }
        });
    }

    private void check(RoutingContext context) {
        long length;
        try {
            String header = context.request().getHeader("Content-Length");
            length = header == null ? -1 : Long.parseLong(header.trim());
        } catch (NumberFormatException unparsable) {
            length = -1; // left to Quarkus and Vert.x, as before
        }
        if (length <= limit || context.request().getHeader("Expect") != null) {
            context.next();
        } else {
            refuse(context, "the request body is larger than the limit of " + limit + " bytes");
        }
    }

    private static void refuse(RoutingContext context, String apiError) {
        boolean api = context.request().path().startsWith("/api/");
        context.response().setStatusCode(413)
                .putHeader("Connection", "close")
                .putHeader("Cache-Control", "no-store")
                .putHeader("Content-Type", api ? "application/json" : "text/html;charset=UTF-8")
                .endHandler(done -> context.request().connection().close());
        context.response().end(api ? new JsonObject().put("error", apiError).encode()
                : ErrorPages.tooLargePage());
    }
}
