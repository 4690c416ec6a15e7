package dev.paperboy.matching;

import dev.paperboy.paper.Paper;
import dev.paperboy.subscriber.Subscriber;
import dev.paperboy.system.PaperboyConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the one index of recent papers that digests and previews are ranked on. It is rebuilt when a paper of its
 * window was added, changed or removed (seen by the count and sum of the papers' revisions), one build at a time:
 * callers that find it stale while another builds wait for that build instead of starting their own.
 */
@ApplicationScoped
public class MatchingService {

    /** An index that reaches this much further back than asked is still good: ranking filters by time anyway. */
    static final Duration STALE_AFTER = Duration.ofHours(1);
    /** However long a subscriber was away, a digest reaches back at most this far. */
    static final Duration LOOKBACK = Duration.ofDays(14);
    /**
     * A build reaches this much further back than asked: callers who read the clock a moment before the builder
     * (a burst of previews) then fit the index it built instead of each building another.
     */
    static final Duration SLACK = Duration.ofMinutes(5);

    private final Analyzer analyzer = new EnglishAnalyzer();
    private final PaperboyConfig config;
    private final Counter builds;
    private final Object building = new Object();
    private volatile Built built;

    MatchingService(PaperboyConfig config, MeterRegistry registry) {
        this.config = config;
        this.builds = Counter.builder("paperboy.matching.index.builds")
                .description("Builds of the index of recent papers; one per change of the papers in its window")
                .register(registry);
    }

    /** How far back the index reaches: two weeks, or the recent window when an operator set a longer one. */
    public Duration window() {
        return config.recentWindow().compareTo(LOOKBACK) > 0 ? config.recentWindow() : LOOKBACK;
    }

    /** What one interest brings from the recent window, best first: the preview's ranking, and a test digest's. */
    @Transactional
    public List<Match> preview(String interest, int limit) {
        Instant now = Instant.now();
        PaperIndex index = recentIndex(now.minus(window())); // the digests' index, not one of its own
        return index.rank(List.of(interest.strip()), now.minus(config.recentWindow()), now, Set.of(), limit,
                config.digest().minScore());
    }

    /**
     * An index holding every committed paper ingested after {@code oldest} (and perhaps up to an hour before), as
     * the papers are now. Ask with the start of {@link #window()}, so that digests and previews share one index.
     */
    @Transactional
    public PaperIndex recentIndex(Instant oldest) {
        Built current = built;
        if (current != null && current.fits(oldest) && current.window.equals(Window.of(current.oldest))) {
            return current.index;
        }
        synchronized (building) {
            current = built;
            if (current != null && current.fits(oldest) && current.window.equals(Window.of(current.oldest))) {
                return current.index; // built while this caller waited
            }
            Instant from = oldest.minus(SLACK);
            List<Paper> papers = Paper.ingestedAfter(from);
            PaperIndex index = new PaperIndex(papers, analyzer);
            built = new Built(from, Window.of(papers), index);
            builds.increment();
            return index;
        }
    }

    /**
     * A matcher over every committed paper ingested in (oldest, until], for a run or one shard of it. It loads the
     * interests of each batch's subscribers itself, with one query per batch.
     */
    public BatchMatcher batch(Instant oldest, Instant until) {
        PaperIndex index = recentIndex(oldest);
        return batch -> batch.isEmpty() ? Map.of() : QuarkusTransaction.joiningExisting().call(() -> {
            Map<Long, String[]> interests = new HashMap<>();
            for (Subscriber s : Subscriber.<Subscriber>list("id in ?1",
                    batch.stream().map(MatchRequest::subscriberId).distinct().toList())) {
                interests.put(s.id, s.interests);
            }
            Map<Long, List<Match>> ranked = new HashMap<>();
            for (MatchRequest request : batch) {
                String[] of = interests.get(request.subscriberId());
                if (of != null) {
                    Instant end = request.until().isAfter(until) ? until : request.until();
                    ranked.put(request.subscriberId(), index.rank(List.of(of), request.since(), end,
                            request.exclude(), Match.MAX_LISTED, config.digest().minScore()));
                }
            }
            return ranked;
        });
    }

    private record Built(Instant oldest, Window window, PaperIndex index) {
        boolean fits(Instant asked) {
            return !oldest.isAfter(asked) && Duration.between(oldest, asked).compareTo(STALE_AFTER) < 0;
        }
    }

    /**
     * What the papers of a window are: how many, and the sum of their revisions. An insert or a delete changes the
     * count, whatever order transactions commit in; a change replaces a revision with a newer, larger one, so the sum
     * grows. Only a contrived mix of both between two looks could leave the pair as it was.
     */
    private record Window(long count, long revisions) {
        static Window of(List<Paper> papers) {
            return new Window(papers.size(), papers.stream().mapToLong(p -> p.revision).sum());
        }

        static Window of(Instant oldest) {
            Object[] row = (Object[]) Paper.getEntityManager().createNativeQuery(
                            "select count(*), coalesce(sum(revision), 0)::bigint from paper where ingested_at > ?1")
                    .setParameter(1, oldest).getSingleResult();
            return new Window(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
    }
}
