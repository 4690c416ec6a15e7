package dev.paperboy.digest;

import dev.paperboy.matching.Explanation;
import dev.paperboy.matching.MatchingService;
import dev.paperboy.paper.Paper;
import dev.paperboy.digest.ShownPapers.Row;
import dev.paperboy.subscriber.LinkTokens;
import dev.paperboy.subscriber.Subscriber;
import dev.paperboy.subscriber.SubscriberLinks;
import dev.paperboy.system.BaseUrl;
import dev.paperboy.system.Sql;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

/** Reads a stored digest back into what the mail and the web page show. */
@ApplicationScoped
class DigestViews {

    private static final Map<String, String> PERIOD_LABELS = new ConcurrentHashMap<>();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    private final AgroalDataSource dataSource;
    private final SubscriberLinks links;
    private final LinkTokens tokens;
    private final BaseUrl baseUrl;
    private final MatchingService matching;
    private final SharedExplanations explanations;
    private final ShownPaperCache shownPapers = new ShownPaperCache();

    DigestViews(AgroalDataSource dataSource, SubscriberLinks links, LinkTokens tokens, BaseUrl baseUrl,
                MatchingService matching) {
        this.dataSource = dataSource;
        this.links = links;
        this.tokens = tokens;
        this.baseUrl = baseUrl;
        this.matching = matching;
        this.explanations = new SharedExplanations(matching);
    }

    /** The digest as its owner reads it, from the mail: with the address and the links that change the subscription. */
    DigestView of(Digest digest, Subscriber subscriber) {
        return of(digest, subscriber, items(digest));
    }

    /** As {@link #of(Digest, Subscriber)}, with its papers already read (see {@link #items(Collection)}). */
    DigestView of(Digest digest, Subscriber subscriber, List<DigestView.Item> items) {
        List<DigestView.Item> withFeedback = new ArrayList<>(items.size());
        for (DigestView.Item item : items) {
            withFeedback.add(withFeedback(item, subscriber));
        }
        return new DigestView(subscriber.email, periodLabel(digest.period), withFeedback, viewUrl(digest),
                links.preferences(subscriber), links.unsubscribe(subscriber), links.home(), null);
    }

    private DigestView.Item withFeedback(DigestView.Item item, Subscriber subscriber) {
        return item.withFeedback(links.feedback(subscriber, item.paperId(), true),
                links.feedback(subscriber, item.paperId(), false));
    }

    /**
     * The digest as a mail that shows its first {@code shown} papers: those get their links, the others (read
     * without why, see {@link #items(Collection, ToLongFunction)}) are counted as more on the web page.
     */
    DigestView forMail(Digest digest, Subscriber subscriber, List<DigestView.Item> items, int shown) {
        if (items.size() <= shown) {
            return of(digest, subscriber, items);
        }
        DigestView view = of(digest, subscriber, items.subList(0, shown));
        return new DigestView(view.email(), view.periodLabel(), view.papers(), view.viewUrl(), view.preferencesUrl(),
                view.unsubscribeUrl(), view.homeUrl(), view.testOf(), items.size() - shown);
    }

    /** The digest as the feed shows it: the papers only, nothing of the subscriber and no link to the subscription. */
    DigestView forFeed(Digest digest) {
        return new DigestView(null, periodLabel(digest.period), items(digest), feedEntryUrl(digest), null, null,
                links.home(), null);
    }

    /** A test digest: the preview's matches for one interest, to {@code to}, without a stored copy or subscription links. */
    DigestView forTest(String to, String interest, List<MatchingService.Previewed> matches) {
        List<DigestView.Item> items = new ArrayList<>();
        for (MatchingService.Previewed match : matches) {
            items.add(item(items.size() + 1, Paper.findById(match.paper().id()), match.why(), false));
        }
        return new DigestView(to, periodLabel(LocalDate.now(ZoneOffset.UTC).toString()), items, null, null, null,
                links.home(), interest);
    }

    /** Each paper with why: the matched words of the interest that brought it marked in its title and a snippet. */
    private List<DigestView.Item> items(Digest digest) {
        return items(List.of(digest.id)).getOrDefault(digest.id, List.of());
    }

    /** The papers of many digests, each digest's in order: two queries, whatever the number of digests. */
    Map<Long, List<DigestView.Item>> items(Collection<Long> digestIds) {
        return items(digestIds, digestId -> Integer.MAX_VALUE);
    }

    /**
     * As {@link #items(Collection)}, but only the first {@code shown} papers of each digest read and explained; the
     * others carry their number, id and reason only, to be counted as more on the web. A mail shows the subscriber's
     * number of papers (10 of up to 50 by default), and explaining a paper (marking the interest in its abstract) is
     * most of what a mail costs to compose; loading the papers it does not show was a twelfth.
     */
    Map<Long, List<DigestView.Item>> items(Collection<Long> digestIds, ToLongFunction<Long> shown) {
        try (Connection connection = dataSource.getConnection()) {
            return items(connection, digestIds, shown);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the papers of " + digestIds.size() + " digests", e);
        }
    }

    // each loop is a method of its own: C2 compiled the one method holding them all up to three times a run (twice
    // on the stack, ~50-60 KB of code each), where a small method per loop is compiled once or twice, alone
    private Map<Long, List<DigestView.Item>> items(Connection connection, Collection<Long> digestIds,
                                                   ToLongFunction<Long> shown) throws SQLException {
        List<Row> rows = ShownPapers.rows(connection, digestIds);
        Map<Long, Paper> papers = shownPapers.read(connection, ShownPapers.ids(rows, shown));
        Explanation[] known = readAbstractsToExplain(connection, rows, shown, papers);
        return grouped(rows, shown, papers, known);
    }

    private Map<Long, List<DigestView.Item>> grouped(List<Row> rows, ToLongFunction<Long> shown,
                                                     Map<Long, Paper> papers, Explanation[] known) {
        Map<Long, List<DigestView.Item>> items = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            List<DigestView.Item> list = items.computeIfAbsent(row.digestId(), id -> new ArrayList<>());
            list.add(item(row, list.size() + 1, list.size() < shown.applyAsLong(row.digestId()), papers, known[i]));
        }
        return items;
    }

    // the loops' bodies too: the JIT compiles each once, rather than compiling the whole loop again on the stack
    private DigestView.Item item(Row row, int number, boolean shown, Map<Long, Paper> papers, Explanation known) {
        if (shown) {
            Paper paper = papers.get(row.paperId());
            Explanation why = known != null ? known : explanations.of(row.interest(), row.reason(), paper);
            return item(number, paper, why, row.trending());
        }
        return new DigestView.Item(number, row.paperId(), null, null, null, null, null, null, row.reason(),
                row.trending(), null, null);
    }

    /**
     * The remembered explanations of the shown rows (null for the others), and the abstracts of the shown papers
     * whose explanation is not remembered yet, in one query: explaining them from these values skips an entity load
     * in a transaction of its own per paper (a sender's papers met the first time).
     */
    private Explanation[] readAbstractsToExplain(Connection connection, List<Row> rows, ToLongFunction<Long> shown,
                                                 Map<Long, Paper> papers) throws SQLException {
        Explanation[] known = new Explanation[rows.size()];
        Set<Long> unknown = new HashSet<>();
        Map<Long, Integer> positions = new HashMap<>();
        for (int i = 0; i < known.length; i++) {
            Row row = rows.get(i);
            Paper paper = papers.get(row.paperId());
            if (positions.merge(row.digestId(), 1, Integer::sum) <= shown.applyAsLong(row.digestId()) && paper != null) {
                known[i] = explanations.remembered(row.interest(), row.reason(), paper);
                if (known[i] == null) {
                    unknown.add(row.paperId());
                }
            }
        }
        ShownPapers.readAbstracts(connection, unknown, papers);
        return known;
    }

    private static DigestView.Item item(int number, Paper paper, Explanation why, boolean trending) {
        return new DigestView.Item(number, paper.id, paper.title, why.titleHtml(), paper.authorLine(), why.snippet(),
                why.snippetHtml(), paper.link(), why.reason(), trending, null, null);
    }

    String viewUrl(Digest digest) {
        return baseUrl.to("/digests/" + tokens.issue(LinkTokens.Purpose.DIGEST, digest.tokenKey));
    }

    private String feedEntryUrl(Digest digest) {
        return baseUrl.to("/digests/" + tokens.issue(LinkTokens.Purpose.FEED_ENTRY, digest.tokenKey));
    }

    static String periodLabel(String period) {
        // every mail of a run asks for the same one or two periods: formatting a date was a fortieth of a mail
        return PERIOD_LABELS.computeIfAbsent(period, DigestViews::formatPeriod);
    }

    private static String formatPeriod(String period) {
        if (period.contains("-W")) {
            return "week " + period.substring(period.indexOf("-W") + 2) + " of " + period.substring(0, 4);
        }
        return DAY.format(LocalDate.parse(period));
    }
}
