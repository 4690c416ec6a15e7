package dev.paperboy.matching;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lucene's BM25 score of an interest of words (a disjunction of its words, each the best of title and abstract,
 * and their phrase) over a window, added up here from each word's and phrase's scores, which Lucene searches once
 * per window: with a thousand papers, building a query's weights and scorers cost more than scoring them, and the
 * interests of a run share their words. The arithmetic is Lucene's own (a disjunction max is the best score plus the
 * tie-breaker times the others, summed in double; a disjunction sums its clauses in double, nested ones flattened
 * into one, as Lucene rewrites them; a group of alternatives is the best of its sides, each a disjunction max, as
 * {@link Alternatives} writes it), so the scores are the same floats; required and excluded clauses are added up
 * by {@link StrictSums}; a repeated clause is one with its boost times the number of times it is written, as Lucene
 * merges them.
 */
final class LexicalSums {

    private static final int MAX_REMEMBERED = 200_000;
    private static final Leaf NONE = new Leaf(new int[0], new float[0]);

    /** One word's or phrase's scores: the papers it matches, by ordinal, and their scores. */
    record Leaf(int[] ordinals, float[] scores) {
    }

    /** Each thread's work arrays, left all zero after each query (so not allocated again per interest). */
    private static final class Scratch {
        final double[] sum;
        final int[] matched;
        final float[] max;
        final double[] others;
        final int[] touched;
        final float[] sideBest;
        final int[] sideTouched;

        Scratch(int n) {
            sum = new double[n];
            matched = new int[n];
            max = new float[n];
            others = new double[n];
            touched = new int[n];
            sideBest = new float[n];
            sideTouched = new int[n];
        }
    }

    private final PaperIndex index;
    private final Map<Query, Leaf> leaves = new ConcurrentHashMap<>();
    private final ThreadLocal<Scratch> scratch;
    private final StrictSums strict;

    LexicalSums(PaperIndex index) {
        this.index = index;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(index.size()));
        this.strict = new StrictSums(index, this::leaf);
    }

    /** The query's score of each paper by ordinal (0 where it does not match), or null for a shape not added up here. */
    float[] scores(Query query) {
        List<Query> written = new ArrayList<>();
        if (!clauses(query, written)) {
            return strict.scores(query); // required or excluded clauses, or only a filter
        }
        List<Query> clauses = LuceneRewrites.merged(written);
        if (clauses == null) {
            return strict.scores(query); // a group of alternatives written twice
        }
        List<List<List<Leaf>>> sides = new ArrayList<>(clauses.size()); // searched first: nothing throws midway below
        for (Query clause : clauses) {
            sides.add(sides((DisjunctionMaxQuery) clause).stream()
                    .map(side -> side.getDisjuncts().stream().map(this::leaf).toList()).toList());
        }
        Scratch work = scratch.get();
        int matches = 0;
        for (int c = 0; c < clauses.size(); c++) {
            List<DisjunctionMaxQuery> written1 = sides((DisjunctionMaxQuery) clauses.get(c));
            if (written1.size() == 1) {
                int count = 0;
                for (Leaf leaf : sides.get(c).get(0)) {
                    count = best(leaf, work, count);
                }
                matches = add(work, count, written1.get(0).getTieBreakerMultiplier(), matches);
                continue;
            }
            int reached = 0;
            for (int s = 0; s < written1.size(); s++) {
                int count = 0;
                for (Leaf leaf : sides.get(c).get(s)) {
                    count = best(leaf, work, count);
                }
                reached = side(work, count, written1.get(s).getTieBreakerMultiplier(), reached);
            }
            matches = addBest(work, reached, matches);
        }
        return scores(work, matches);
    }

    /** A clause's sides: itself for a word or phrase on both fields, each alternative for a group of alternatives. */
    private static List<DisjunctionMaxQuery> sides(DisjunctionMaxQuery clause) {
        return clause.getDisjuncts().iterator().next() instanceof DisjunctionMaxQuery
                ? clause.getDisjuncts().stream().map(d -> (DisjunctionMaxQuery) d).toList() : List.of(clause);
    }

    /** One alternative's disjunction max into the group's best per paper; the papers the group reached (after). */
    private static int side(Scratch work, int count, double tie, int reached) {
        float[] max = work.max;
        double[] others = work.others;
        int[] touched = work.touched;
        float[] best = work.sideBest;
        for (int t = 0; t < count; t++) {
            int o = touched[t];
            float score = (float) (max[o] + others[o] * tie);
            if (best[o] == 0) {
                work.sideTouched[reached++] = o;
            }
            best[o] = Math.max(best[o], score);
            max[o] = 0;
            others[o] = 0;
        }
        return reached;
    }

    /** A group of alternatives' best (its disjunction max, no tie-breaker) added to each paper it reached. */
    private static int addBest(Scratch work, int reached, int matches) {
        double[] sum = work.sum;
        int[] matched = work.matched;
        float[] best = work.sideBest;
        int[] touched = work.sideTouched;
        for (int t = 0; t < reached; t++) {
            int o = touched[t];
            if (sum[o] == 0) {
                matched[matches++] = o;
            }
            sum[o] += best[o];
            best[o] = 0;
        }
        return matches;
    }

    /**
     * One disjunct's scores into the clause's best and others per paper; the papers the clause touched so far
     * ({@code count} of them before, how many after). Each step is a method of one loop, which a fresh JVM compiles
     * as soon as it is hot.
     */
    private static int best(Leaf leaf, Scratch work, int count) {
        float[] max = work.max;
        double[] others = work.others;
        int[] touched = work.touched;
        for (int i = 0; i < leaf.ordinals.length; i++) {
            int o = leaf.ordinals[i];
            float score = leaf.scores[i];
            if (max[o] == 0) {
                touched[count++] = o;
            }
            if (score >= max[o]) {
                others[o] += max[o];
                max[o] = score;
            } else {
                others[o] += score;
            }
        }
        return count;
    }

    /** The clause's disjunction max added to each paper it touched; the papers matched so far (how many after). */
    private static int add(Scratch work, int count, double tie, int matches) {
        double[] sum = work.sum;
        int[] matched = work.matched;
        float[] max = work.max;
        double[] others = work.others;
        int[] touched = work.touched;
        for (int t = 0; t < count; t++) {
            int o = touched[t];
            if (sum[o] == 0) { // every score is above 0: a paper's first clause
                matched[matches++] = o;
            }
            sum[o] += (float) (max[o] + others[o] * tie);
            max[o] = 0;
            others[o] = 0;
        }
        return matches;
    }

    /** The sums as floats by ordinal, leaving the work arrays all zero. */
    private float[] scores(Scratch work, int matches) {
        double[] sum = work.sum;
        int[] matched = work.matched;
        float[] scores = new float[index.size()];
        for (int m = 0; m < matches; m++) {
            int o = matched[m];
            scores[o] = Math.max(Float.MIN_NORMAL, (float) sum[o]);
            sum[o] = 0;
        }
        return scores;
    }

    /** The clauses whose scores Lucene adds up for this query, flattened; false when it is not such a query. */
    private static boolean clauses(Query query, List<Query> into) {
        if (query instanceof BooleanQuery bool) {
            if (bool.getMinimumNumberShouldMatch() != 0 || bool.clauses().isEmpty()) {
                return false;
            }
            for (BooleanClause clause : bool.clauses()) {
                if (clause.getOccur() != Occur.SHOULD || !clauses(clause.getQuery(), into)) {
                    return false;
                }
            }
            return true;
        }
        if (!(query instanceof DisjunctionMaxQuery disjunction) || disjunction.getDisjuncts().size() < 2
                || disjunction.getTieBreakerMultiplier() >= 1) {
            return false; // Lucene rewrites the last two into other queries
        }
        if (!onBothFields(disjunction) && !(disjunction.getTieBreakerMultiplier() == 0
                && disjunction.getDisjuncts().stream().allMatch(d -> d instanceof DisjunctionMaxQuery side
                && side.getDisjuncts().size() >= 2 && side.getTieBreakerMultiplier() < 1 && onBothFields(side)))) {
            return false;
        }
        into.add(query);
        return true;
    }

    /** A disjunction max of words and phrases (a word or phrase on the title and the abstract). */
    private static boolean onBothFields(DisjunctionMaxQuery disjunction) {
        return disjunction.getDisjuncts().stream().allMatch(LuceneRewrites::leafShape);
    }

    /** A word's or phrase's scores (as boosted), searched once; a phrase whose words no paper has together is none. */
    Leaf leaf(Query query) {
        Leaf known = leaves.get(query);
        if (known != null) {
            return known;
        }
        Query inner = query instanceof BoostQuery boost ? boost.getQuery() : query;
        Leaf leaf = inner instanceof PhraseQuery phrase && !together(phrase.getTerms()) ? NONE : search(query);
        if (leaves.size() >= MAX_REMEMBERED) {
            leaves.clear();
        }
        leaves.put(query, leaf);
        return leaf;
    }

    private boolean together(Term[] terms) {
        BitSet all = null;
        for (Term term : terms) {
            BitSet with = index.matching(new TermQuery(term));
            if (all == null) {
                all = (BitSet) with.clone();
            } else {
                all.and(with);
            }
            if (all.isEmpty()) {
                return false;
            }
        }
        return all != null;
    }

    private Leaf search(Query query) {
        Query inner = query instanceof BoostQuery boost ? boost.getQuery() : query;
        float[] dense = inner instanceof PhraseQuery phrase
                ? index.phraseScores(phrase, query instanceof BoostQuery boost ? boost.getBoost() : 1f)
                : index.scores(query);
        int count = 0;
        for (float score : dense) {
            if (score > 0) {
                count++;
            }
        }
        int[] ordinals = new int[count];
        float[] scores = new float[count];
        int at = 0;
        for (int o = 0; o < dense.length; o++) {
            if (dense[o] > 0) {
                ordinals[at] = o;
                scores[at++] = dense[o];
            }
        }
        return new Leaf(ordinals, scores);
    }
}
