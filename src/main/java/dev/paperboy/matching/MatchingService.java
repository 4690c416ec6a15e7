package dev.paperboy.matching;

import dev.paperboy.paper.Paper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

import java.time.Duration;
import java.time.Instant;

/** Keeps the index of recent papers that digests and previews are ranked on, rebuilt only when papers arrive. */
@ApplicationScoped
public class MatchingService {

    /** An index that reaches this much further back than asked is still good: ranking filters by time anyway. */
    static final Duration STALE_AFTER = Duration.ofHours(1);

    private final Analyzer analyzer = new EnglishAnalyzer();
    private volatile Built built;

    /** An index holding every paper ingested after {@code oldest} (and perhaps a little before). */
    @Transactional
    public PaperIndex recentIndex(Instant oldest) {
        Long newest = Paper.getEntityManager().createQuery("select max(p.id) from Paper p", Long.class).getSingleResult();
        long newestId = newest == null ? 0 : newest;
        Built current = built;
        if (current != null && current.newestId == newestId && !current.oldest.isAfter(oldest)
                && Duration.between(current.oldest, oldest).compareTo(STALE_AFTER) < 0) {
            return current.index;
        }
        PaperIndex index = new PaperIndex(Paper.ingestedAfter(oldest), analyzer);
        built = new Built(newestId, oldest, index);
        return index;
    }

    private record Built(long newestId, Instant oldest, PaperIndex index) {
    }
}
