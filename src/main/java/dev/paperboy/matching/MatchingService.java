package dev.paperboy.matching;

import dev.paperboy.matching.semantic.InterestVectors;
import dev.paperboy.matching.semantic.PaperVectors;
import dev.paperboy.matching.semantic.Vectors;
import dev.paperboy.paper.Paper;
import dev.paperboy.subscriber.interest.ParsedInterest;
import dev.paperboy.system.PaperboyConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

    private final PaperboyConfig config;
    private final AgroalDataSource dataSource;
    private final PaperVectors paperVectors;
    private final InterestVectors interestVectors;
    private final Explanations explanations;
    private final SubscriberInterests subscribers;
    private final Counter builds;
    private final Object building = new Object();
    private final WindowLooks<Window> looks = new WindowLooks<>(this::window);
    private final SharedMatchers matchers = new SharedMatchers();
    private volatile Built built;

    MatchingService(PaperboyConfig config, AgroalDataSource dataSource, PaperVectors paperVectors, InterestVectors interestVectors,
                    Explanations explanations, SubscriberInterests subscribers, MeterRegistry registry) {
        this.config = config;
        this.dataSource = dataSource;
        this.paperVectors = paperVectors;
        this.interestVectors = interestVectors;
        this.explanations = explanations;
        this.subscribers = subscribers;
        this.builds = Counter.builder("paperboy.matching.index.builds")
                .description("Builds of the index of recent papers; one per change of the papers in its window")
                .register(registry);
    }

    /** How far back the index reaches: two weeks, or the recent window when an operator set a longer one. */
    public Duration window() {
        return config.recentWindow().compareTo(LOOKBACK) > 0 ? config.recentWindow() : LOOKBACK;
    }

    /**
     * An index holding every committed paper ingested after {@code oldest} (and perhaps up to an hour before), as
     * the papers are now, each with its vector. Ask with the start of {@link #window()}, so that digests and
     * previews share one index.
     */
    public PaperIndex recentIndex(Instant oldest) {
        Built current = built;
        if (current != null && current.fits(oldest) && current.window.equals(looks.look(current.oldest))) {
            return current.index;
        }
        synchronized (building) {
            current = built;
            if (current != null && current.fits(oldest)) {
                Window now = window(current.oldest);
                if (current.window.equals(now)) {
                    return current.index; // built while this caller waited
                }
                if (current.window.samePapers(now) && now.withoutHalves() < current.window.withoutHalves()) {
                    PaperIndex patched = withSweptHalves(current.index); // the sweep added halves: only those change
                    Window after = Window.of(current.window, patched);
                    if (after.withoutHalves() <= now.withoutHalves()) { // fewer: the sweep went on meanwhile
                        built = new Built(current.oldest, after, patched);
                        return patched;
                    }
                }
            }
            Instant from = oldest.minus(SLACK);
            List<Paper> papers = QuarkusTransaction.joiningExisting().call(() -> Paper.ingestedAfter(from));
            PaperIndex index = new PaperIndex(withVectors(papers));
            built = new Built(from, Window.of(papers, index), index);
            builds.increment();
            return index;
        }
    }

    /**
     * The index with the halves the background sweep stored since it was built: only the papers that lacked them are
     * read, and the words are not indexed again.
     */
    private PaperIndex withSweptHalves(PaperIndex index) {
        List<PaperVectors.Text> lacking = new ArrayList<>();
        for (int o = 0; o < index.size(); o++) {
            WindowPaper p = index.paper(o);
            if (p.halves() == null) {
                lacking.add(new PaperVectors.Text(p.id(), p.revision(), p.title(), p.abstractText()));
            }
        }
        Map<Long, float[]> halves = new HashMap<>();
        paperVectors.of(lacking).forEach((id, stored) -> {
            if (stored.halves() != null) {
                halves.put(id, stored.halves());
            }
        });
        return index.withHalves(halves);
    }

    private List<WindowPaper> withVectors(List<Paper> papers) {
        Map<Long, PaperVectors.Stored> vectors = paperVectors.of(papers.stream()
                .map(p -> new PaperVectors.Text(p.id, p.revision, p.title, p.abstractText)).toList());
        List<WindowPaper> window = new ArrayList<>(papers.size());
        for (Paper p : papers) {
            PaperVectors.Stored stored = vectors.get(p.id); // always there, unless the paper was deleted meanwhile
            window.add(new WindowPaper(p.id, p.revision, p.title, p.abstractText, p.authors, p.categories, p.ingestedAt,
                    p.upvotes, p.link(), stored == null ? new float[Vectors.DIMENSIONS] : stored.vector(),
                    stored == null ? null : stored.halves()));
        }
        return window;
    }

    /**
     * What one interest brings from the recent window, best first, each with why: the same ranking and threshold
     * as a first digest (the preview's, and an operator's test digest's). A preview asked again (typing pauses on the
     * same words) is answered from memory until the index changes.
     */
    public List<Previewed> preview(ParsedInterest interest, int limit) {
        return preview(interest, limit, false);
    }

    /**
     * The same, and when fewer than {@code limit} papers pass, the next best after them (marked not in the digest),
     * in the same order of score: where the person's list ends, and what an interest a little different would bring.
     */
    public List<Previewed> previewWithNextBest(ParsedInterest interest, int limit) {
        return preview(interest, limit, true);
    }

    private List<Previewed> preview(ParsedInterest interest, int limit, boolean nextBest) {
        Instant now = Instant.now();
        PaperIndex index = recentIndex(now.minus(window()));
        Instant since = now.minus(config.recentWindow());
        int[] range = index.range(since, now);
        return index.rememberedPreview((nextBest ? "+" : "=") + interest.text(), range, limit, () -> {
            InterestQuery query = new InterestQuery(interest, interest.meaning().isEmpty() ? null
                    : interestVectors.of(interest.meaning()), index);
            InterestHits hits = index.remembered(interest.text(), range, () -> Fusion.score(index, range[0], range[1],
                    List.of(query), config.digest().minScore()).get(0));
            List<Match> digest = Ranking.rank(index, List.of(hits), since, now, Set.of(), limit);
            List<Previewed> previewed = new ArrayList<>();
            digest.forEach(match -> previewed.add(previewed(index, interest, match, true)));
            if (nextBest && digest.size() < limit) {
                InterestHits all = index.remembered("\0uncut\0" + interest.text(), range,
                        () -> Fusion.scoreUncut(index, range[0], range[1], query, Fusion.lexicalWeight(query)));
                Ranking.nextBest(index, all, digest, since, now, limit)
                        .forEach(match -> previewed.add(previewed(index, interest, match, false)));
            }
            return previewed;
        });
    }

    private Previewed previewed(PaperIndex index, ParsedInterest interest, Match match, boolean inDigest) {
        WindowPaper paper = index.byId(match.paperId());
        return new Previewed(paper, match, explanations.of(interest, match.reason(), paper), inDigest);
    }

    /** One paper of a preview, how it ranked, why, and whether a digest would bring it (or it only comes next). */
    public record Previewed(WindowPaper paper, Match match, Explanation why, boolean inDigest) {
    }

    /**
     * A matcher over the committed papers ingested in (oldest, until], for a run or one shard of it; pass as
     * {@code oldest} the earliest {@code since} of its requests (at most {@link #window()} back): each interest is
     * scored once per matcher, over those papers. It loads the subscribers of each batch itself, in one query.
     * The shards of a run planned on this node ask for the same window: they get the same matcher, so an interest
     * many people follow is scored once per run, not once per shard (a shard is a few thousand subscribers).
     */
    public BatchMatcher batch(Instant oldest, Instant until) {
        Instant start = until.minus(window());
        PaperIndex index = recentIndex(start);
        int[] range = index.range(oldest.isBefore(start) ? start : oldest, until);
        return matchers.of(new SharedMatchers.Key(index, range[0], range[1], until), () -> new WindowMatcher(index,
                range, until, subscribers::profiles, meanings -> interestVectors.of(meanings, true),
                config.digest().minScore()));
    }

    /** Why a paper is in a digest, for its mail or page: the stored reason, and the interest's words marked. */
    public Explanation explain(String interest, String reason, long paperId) {
        return explanations.of(interest, reason, paperId);
    }

    /**
     * As {@link #explain(String, String, long)}, for a paper the caller already read as plain values (its id, revision,
     * title and abstract): no entity load and no transaction, which a sender meeting a paper the first time paid.
     */
    public Explanation explain(String interest, String reason, Paper paper) {
        return explanations.of(interest, reason, paper);
    }

    private record Built(Instant oldest, Window window, PaperIndex index) {
        boolean fits(Instant asked) {
            return !oldest.isAfter(asked) && Duration.between(oldest, asked).compareTo(STALE_AFTER) < 0;
        }
    }

    /** The window as the database has it now: one index-only scan, on a plain connection (no transaction). */
    private Window window(Instant oldest) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "select count(*), coalesce(sum(revision), 0)::bigint, (select count(*) from paper_vector v"
                        + " join paper p on p.id = v.paper_id where v.halves is null and p.ingested_at > ?)"
                        + " from paper where ingested_at > ?")) {
            q.setTimestamp(1, Timestamp.from(oldest));
            q.setTimestamp(2, Timestamp.from(oldest));
            try (ResultSet row = q.executeQuery()) {
                row.next();
                return new Window(row.getLong(1), row.getLong(2), row.getLong(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the window of recent papers", e);
        }
    }

    /**
     * What the papers of a window are: how many, and the sum of their revisions. An insert or a delete changes the
     * count, whatever order transactions commit in; a change replaces a revision with a newer, larger one, so the sum
     * grows. Only a contrived mix of both between two looks could leave the pair as it was. With them, how many of
     * the papers have no halves yet (stored rows, V29's index): fewer when the background sweep has added some.
     */
    private record Window(long count, long revisions, long withoutHalves) {
        static Window of(List<Paper> papers, PaperIndex index) {
            return new Window(papers.size(), papers.stream().mapToLong(p -> p.revision).sum(), index.withoutHalves());
        }

        static Window of(Window papers, PaperIndex index) {
            return new Window(papers.count, papers.revisions, index.withoutHalves());
        }

        /** The same papers at the same revisions, whatever their halves. */
        boolean samePapers(Window other) {
            return count == other.count && revisions == other.revisions;
        }
    }
}
