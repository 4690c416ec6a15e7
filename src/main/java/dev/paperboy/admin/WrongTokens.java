package dev.paperboy.admin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.paperboy.system.Durations;
import dev.paperboy.system.PaperboyConfig;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Wrong admin tokens per client address: each is logged (never the token), and past the limit that client's next
 * attempts are refused unchecked until its count refills, so guessing costs time. A client that never sent a wrong
 * token is never slowed. Kept in memory per node.
 */
@ApplicationScoped
public class WrongTokens {

    private static final Logger LOG = Logger.getLogger(WrongTokens.class);

    private final long limit;
    private final Duration per;
    private final Cache<String, Bucket> buckets;

    WrongTokens(PaperboyConfig config) {
        this.limit = config.rateLimit().adminFailures();
        this.per = config.rateLimit().adminFailuresPer();
        // an idle bucket is full again after `per`, so forgetting it then loses nothing
        this.buckets = Caffeine.newBuilder().expireAfterAccess(per).maximumSize(200_000).build();
    }

    /** Zero when the client's token may be checked, else the seconds until it may. */
    long secondsHeld(String client) {
        if (limit <= 0) {
            return 0;
        }
        Bucket bucket = buckets.getIfPresent(client);
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return 0;
        }
        return seconds(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
    }

    /** Records and logs a wrong token from {@code client} on {@code request} (method and path). */
    void refused(String client, String request) {
        if (limit <= 0) {
            LOG.warnf("Refused a wrong admin token from %s on %s", client, request);
            return;
        }
        Bucket bucket = buckets.get(client, key -> Bucket.builder()
                .addLimit(l -> l.capacity(limit).refillGreedy(limit, per)).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.getRemainingTokens() > 0) {
            LOG.warnf("Refused a wrong admin token from %s on %s (%d more within %s before its attempts are held)",
                    client, request, probe.getRemainingTokens(), Durations.words(per));
        } else {
            LOG.warnf("Refused a wrong admin token from %s on %s: %d wrong within %s, so its attempts are refused"
                            + " unchecked for %d s", client, request, limit, Durations.words(per),
                    seconds(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
        }
    }

    private static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999) / 1_000_000_000);
    }
}
