package dev.paperboy.matching;

import dev.paperboy.paper.Paper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

import java.time.Instant;

/** Builds the index of recent papers that digests and previews are ranked on. */
@ApplicationScoped
public class MatchingService {

    private final Analyzer analyzer = new EnglishAnalyzer();

    /** An index of every paper ingested after {@code oldest}. */
    @Transactional
    public PaperIndex indexSince(Instant oldest) {
        return new PaperIndex(Paper.ingestedAfter(oldest), analyzer);
    }
}
