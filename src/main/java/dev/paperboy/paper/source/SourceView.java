package dev.paperboy.paper.source;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A source as the admin API shows it: its definition, its schedule, and how its polls went. */
public record SourceView(String name, String kind, String url, String query, String set, String every,
                         boolean enabled, String origin, String schedule, Instant nextPollAt, Instant lastPollAt,
                         Instant lastSuccessAt, Instant lastErrorAt, String lastError, Integer lastAdded,
                         long totalAdded, Integer lastRejected, List<String> lastRejections, int failures,
                         Instant notBefore, LocalDate harvestFrom) {

    static SourceView of(PaperSource s, String schedule, Instant nextPollAt) {
        return new SourceView(s.name, s.kind, s.url, s.query, s.set, s.every() == null ? null : Durations.format(s.every()),
                s.enabled, s.origin, schedule, nextPollAt, s.lastPollAt, s.lastSuccessAt, s.lastErrorAt, s.lastError,
                s.lastAdded, s.totalAdded, s.lastRejected,
                s.lastRejections == null ? List.of() : List.of(s.lastRejections.split("\n")), s.failures, s.notBefore,
                s.harvestFrom);
    }
}
