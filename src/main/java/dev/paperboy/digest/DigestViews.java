package dev.paperboy.digest;

import dev.paperboy.matching.Explanation;
import dev.paperboy.matching.MatchingService;
import dev.paperboy.paper.Paper;
import dev.paperboy.subscriber.LinkTokens;
import dev.paperboy.subscriber.Subscriber;
import dev.paperboy.subscriber.SubscriberLinks;
import dev.paperboy.system.BaseUrl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

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
import java.util.function.ToLongFunction;

/** Reads a stored digest back into what the mail and the web page show. */
@ApplicationScoped
class DigestViews {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    private final EntityManager entityManager;
    private final SubscriberLinks links;
    private final LinkTokens tokens;
    private final BaseUrl baseUrl;
    private final MatchingService matching;
    private final SharedExplanations explanations;

    DigestViews(EntityManager entityManager, SubscriberLinks links, LinkTokens tokens, BaseUrl baseUrl,
                MatchingService matching) {
        this.entityManager = entityManager;
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
        List<DigestView.Item> withFeedback = items.stream().map(item -> item.withFeedback(
                links.feedback(subscriber, item.paperId(), true), links.feedback(subscriber, item.paperId(), false))).toList();
        return new DigestView(subscriber.email, periodLabel(digest.period), withFeedback, viewUrl(digest),
                links.preferences(subscriber), links.unsubscribe(subscriber), links.home(), null);
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
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select digest_id, paper_id, reason, interest, trending from digest_paper where digest_id in (?1)
                        order by digest_id, position""")
                .setParameter(1, digestIds).getResultList();
        Set<Long> paperIds = new HashSet<>();
        Map<Long, Integer> positions = new HashMap<>();
        for (Object[] row : rows) {
            long digestId = ((Number) row[0]).longValue();
            int position = positions.merge(digestId, 1, Integer::sum);
            if (position <= shown.applyAsLong(digestId)) {
                paperIds.add(((Number) row[1]).longValue());
            }
        }
        Map<Long, Paper> papers = new HashMap<>();
        if (!paperIds.isEmpty()) {
            Paper.<Paper>list("id in ?1", paperIds).forEach(paper -> papers.put(paper.id, paper));
        }
        Map<Long, List<DigestView.Item>> items = new HashMap<>();
        for (Object[] row : rows) {
            long digestId = ((Number) row[0]).longValue();
            List<DigestView.Item> list = items.computeIfAbsent(digestId, id -> new ArrayList<>());
            long paperId = ((Number) row[1]).longValue();
            boolean trending = Boolean.TRUE.equals(row[4]);
            if (list.size() < shown.applyAsLong(digestId)) {
                Paper paper = papers.get(paperId);
                list.add(item(list.size() + 1, paper, explanations.of((String) row[3], (String) row[2], paper), trending));
            } else {
                list.add(new DigestView.Item(list.size() + 1, paperId, null, null, null, null, null, null,
                        (String) row[2], trending, null, null));
            }
        }
        return items;
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
        if (period.contains("-W")) {
            return "week " + period.substring(period.indexOf("-W") + 2) + " of " + period.substring(0, 4);
        }
        return DAY.format(LocalDate.parse(period));
    }
}
