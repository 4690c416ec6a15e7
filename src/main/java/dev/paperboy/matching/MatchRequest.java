package dev.paperboy.matching;

import java.time.Instant;
import java.util.Set;

/** One subscriber of a planning batch: rank papers ingested in (since, until], none of {@code exclude}. */
public record MatchRequest(long subscriberId, Instant since, Instant until, Set<Long> exclude) {
}
