package dev.paperboy.system;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;

/**
 * Requests per client address on the two public endpoints that cost something: {@code POST /subscribe} (which mails)
 * and {@code GET /api/preview} (which searches). A token bucket per address (Bucket4j), kept in memory per node while
 * in use; past the limit, 429 with Retry-After. Runs before everything else on those paths, the CSRF check included.
 */
@ApplicationScoped
public class RateLimits {

    /** At most {@code requests} in {@code per}, refilled evenly; 0 requests turns the limit off. */
    record Limit(String name, long requests, Duration per, Cache<String, Bucket> buckets) {

        static Limit of(String name, long requests, Duration per) {
            // an idle bucket is full again after `per`, so forgetting it then loses nothing
            return new Limit(name, requests, per, Caffeine.newBuilder().expireAfterAccess(per).maximumSize(200_000).build());
        }

        /** Zero when the request may go on, else the seconds until it may. */
        long secondsToWait(String client) {
            if (requests <= 0) {
                return 0;
            }
            Bucket bucket = buckets.get(client, key -> Bucket.builder()
                    .addLimit(limit -> limit.capacity(requests).refillGreedy(requests, per)).build());
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            return probe.isConsumed() ? 0 : Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999) / 1_000_000_000);
        }
    }

    private final ClientAddresses clients;
    private final Limit signup;
    private final Limit preview;

    RateLimits(ClientAddresses clients, PaperboyConfig config) {
        this.clients = clients;
        PaperboyConfig.RateLimit limits = config.rateLimit();
        this.signup = Limit.of("sign-up", limits.signupRequests(), limits.signupPer());
        this.preview = Limit.of("preview", limits.previewRequests(), limits.previewPer());
    }

    void register(@Observes Router router) {
        router.post("/subscribe").order(-500).handler(context -> check(signup, context));
        router.get("/api/preview").order(-500).handler(context -> check(preview, context));
    }

    private void check(Limit limit, RoutingContext context) {
        long wait = limit.secondsToWait(clients.rateKey(context.request()));
        if (wait == 0) {
            context.next();
            return;
        }
        boolean api = context.request().path().startsWith("/api/");
        context.response().setStatusCode(429)
                .putHeader("Retry-After", Long.toString(wait))
                .putHeader("Cache-Control", "no-store")
                .putHeader("Content-Type", api ? "application/json" : "text/html;charset=UTF-8")
                .end(api ? new JsonObject().put("error", "too many " + limit.name() + " requests from this address;"
                        + " try again in " + wait + " s").encode() : ErrorPages.tooManyPage(wait));
    }
}
