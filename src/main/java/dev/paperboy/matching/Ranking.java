package dev.paperboy.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One person's ranking over a window: the papers their interests bring, ingested in (since, until] and not
 * already sent, each scored by the interest that brings it best, best first, with why in words. The preview and
 * every digest are ranked here.
 */
final class Ranking {

    private Ranking() {
    }

    static List<Match> rank(PaperIndex index, Collection<InterestHits> interests, Instant since, Instant until,
                            Set<Long> exclude, int limit) {
        return rank(index, interests, new int[0], 0, since, until, exclude, limit);
    }

    /**
     * What comes after a digest's list once the cuts are lifted ({@code uncut}, from {@link Fusion#scoreUncut}), best
     * first, enough to make the two {@code limit} long: what a preview shows under its line.
     */
    static List<Match> nextBest(PaperIndex index, InterestHits uncut, List<Match> digest, Instant since,
                                Instant until, int limit) {
        Set<Long> listed = new HashSet<>();
        digest.forEach(match -> listed.add(match.paperId()));
        return digest.size() >= limit ? List.of()
                : rank(index, List.of(uncut), since, until, listed, limit - digest.size());
    }

    /**
     * The same, for a person who asked for trending papers as well: the first {@code trending} of
     * {@code mostUpvoted} (the period's most upvoted papers, most first) that are in the window and not sent yet
     * come first, marked trending (with the interest that brings them, if one does), then the interests' papers.
     */
    static List<Match> rank(PaperIndex index, Collection<InterestHits> interests, int[] mostUpvoted, int trending,
                            Instant since, Instant until, Set<Long> exclude, int limit) {
        return rank(index, interests, mostUpvoted, trending, Taste.NONE, since, until, exclude, limit);
    }

    /**
     * The same, with what the person said of papers before ({@link Taste}) moving each candidate's score. In small
     * steps of one loop each: a fresh JVM compiles each as soon as it is hot, rather than the whole again per loop.
     */
    static List<Match> rank(PaperIndex index, Collection<InterestHits> interests, int[] mostUpvoted, int trending,
                            Taste taste, Instant since, Instant until, Set<Long> exclude, int limit) {
        int[] range = index.range(since, until); // papers are in the order they came in: (since, until] is a range
        int hitCount = 0;
        for (InterestHits hits : interests) {
            hitCount += hits.size();
        }
        OrdinalSlots slots = new OrdinalSlots(hitCount);
        List<Candidate> candidates = new ArrayList<>(hitCount);
        for (InterestHits hits : interests) {
            gather(index, hits, range, exclude, slots, candidates);
        }
        if (!taste.none()) {
            Taste.Near near = taste.over(index, range[0], range[1]);
            near.nearLiked().forEach((ordinal, why) -> {
                if (!exclude.contains(index.paper(ordinal).id())) {
                    candidate(slots, candidates, ordinal).broughtBy(why);
                }
            });
            candidates.forEach(c -> c.kept = c.adjust(near));
        }
        long[] ranked = new long[candidates.size()];
        int kept = keys(index, candidates, ranked);
        Arrays.sort(ranked, 0, kept); // scores and ties as keys: best first, without boxing
        Set<Integer> trendingOrdinals = trending(index, mostUpvoted, Math.min(trending, limit), since, until, exclude);
        List<Match> matches = new ArrayList<>(Math.min(limit, kept + trendingOrdinals.size()));
        for (int ordinal : trendingOrdinals) {
            matches.add(trendingMatch(index, ordinal, slots, candidates));
        }
        listed(index, ranked, kept, trendingOrdinals, slots, candidates, matches, limit);
        return matches;
    }

    /** The papers of one interest in the range and not sent yet, added to the person's candidates. */
    private static void gather(PaperIndex index, InterestHits hits, int[] range, Set<Long> exclude, OrdinalSlots slots,
                               List<Candidate> candidates) {
        for (int j = 0; j < hits.size(); j++) {
            int ordinal = hits.ordinals[j];
            if (ordinal < range[0] || ordinal >= range[1]
                    || !exclude.isEmpty() && exclude.contains(index.paper(ordinal).id())) {
                continue;
            }
            candidate(slots, candidates, ordinal).add(hits, j);
        }
    }

    /** The sort keys of the candidates kept, in {@code ranked}; how many. */
    private static int keys(PaperIndex index, List<Candidate> candidates, long[] ranked) {
        int kept = 0;
        for (Candidate c : candidates) {
            if (c.kept) {
                ranked[kept++] = BestFirst.key(index, c.ordinal, c.score);
            }
        }
        return kept;
    }

    /** The first {@code count} of the period's most upvoted papers that are in the window and not sent yet. */
    private static Set<Integer> trending(PaperIndex index, int[] mostUpvoted, int count, Instant since, Instant until,
                                         Set<Long> exclude) {
        Set<Integer> trendingOrdinals = new LinkedHashSet<>();
        for (int ordinal : mostUpvoted) {
            if (trendingOrdinals.size() >= count) {
                break;
            }
            if (index.ingestedIn(ordinal, since, until) && !exclude.contains(index.paper(ordinal).id())) {
                trendingOrdinals.add(ordinal);
            }
        }
        return trendingOrdinals;
    }

    private static Match trendingMatch(PaperIndex index, int ordinal, OrdinalSlots slots, List<Candidate> candidates) {
        WindowPaper paper = index.paper(ordinal);
        String why = "Trending on Hugging Face: " + paper.upvotes() + (paper.upvotes() == 1 ? " upvote." : " upvotes.");
        int slot = slots.get(ordinal);
        Candidate c = slot < 0 || !candidates.get(slot).kept ? null : candidates.get(slot);
        return c == null || c.best == null ? new Match(paper.id(), 0f, null, why, true)
                : new Match(paper.id(), c.score, c.best.interest, why + " " + c.reason(), true);
    }

    /** The interests' papers best first, after the trending ones, up to {@code limit} in all. */
    private static void listed(PaperIndex index, long[] ranked, int kept, Set<Integer> trendingOrdinals,
                               OrdinalSlots slots, List<Candidate> candidates, List<Match> matches, int limit) {
        for (int i = 0; i < kept && matches.size() < limit; i++) {
            int ordinal = BestFirst.ordinal(index, ranked[i]);
            if (!trendingOrdinals.contains(ordinal)) {
                Candidate c = candidates.get(slots.get(ordinal));
                matches.add(new Match(index.paper(ordinal).id(), c.score, c.best == null ? null : c.best.interest,
                        c.reason()));
            }
        }
    }

    private static Candidate candidate(OrdinalSlots slots, List<Candidate> candidates, int ordinal) {
        int slot = slots.slot(ordinal);
        if (slot == candidates.size()) {
            candidates.add(new Candidate(ordinal));
        }
        return candidates.get(slot);
    }

    /** A paper and the interests that bring it, the best one first. */
    private static final class Candidate {
        final int ordinal;
        InterestHits best;
        int at;
        float score = -1;
        List<InterestHits> others = List.of(); // the other interests; most papers come by one interest
        /** Why feedback brings it, when no interest does. */
        String brought;
        /** False once the person's taste takes it out. */
        boolean kept = true;

        Candidate(int ordinal) {
            this.ordinal = ordinal;
        }

        void add(InterestHits hits, int j) {
            if (others.isEmpty() && (best != null || hits.scores[j] <= score)) {
                others = new ArrayList<>(2);
            }
            if (hits.scores[j] > score) {
                if (best != null) {
                    others.add(0, best);
                }
                best = hits;
                at = j;
                score = hits.scores[j];
            } else {
                others.add(hits);
            }
        }

        /** Moves the score by the person's taste; false when the paper must leave the list. */
        boolean adjust(Taste.Near taste) {
            score = taste.adjust(score, ordinal);
            return !Float.isNaN(score);
        }

        void broughtBy(String why) {
            brought = why;
            score = Math.max(score, 0);
        }

        /** Why the best interest brings it, and which others bring it too (or why feedback does). */
        String reason() {
            if (best == null) {
                return brought;
            }
            String reason = best.reason(at);
            if (others.isEmpty()) {
                return reason;
            }
            return alsoMatches(reason, others);
        }

        // a plain loop, apart: the stream and concatenations it replaces made this method one of C2's largest
        // compilations of a run (~45 KB of code)
        private static String alsoMatches(String reason, List<InterestHits> others) {
            StringBuilder text = new StringBuilder(reason.length() + 32 * others.size()).append(reason)
                    .append(" Also matches ");
            for (int i = 0; i < others.size(); i++) {
                text.append(i == 0 ? "" : ", ").append(others.get(i).quoted());
            }
            return text.append('.').toString();
        }
    }
}
