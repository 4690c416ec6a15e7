package dev.paperboy.matching;

import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;

/**
 * Lucene's BM25 score of an interest with required or excluded clauses (AND, NOT, -word, cat:, author:), added up
 * from its words' and phrases' scores as {@link LexicalSums} does for plain words, with Lucene 9.11's arithmetic for
 * each scorer: required clauses summed in double (a conjunction), optional ones summed in double (a disjunction),
 * the two added in float (a required clause beside optional ones), excluded clauses only removing papers, and a
 * repeated optional clause merged into one boosted as many times. A shape whose rewriting by Lucene is not certain
 * here (a filter clause, a repeated required clause, a minimum of optional clauses, a group beside optional clauses)
 * is left to Lucene: null.
 */
final class StrictSums {

    private final PaperIndex index;
    private final Function<Query, LexicalSums.Leaf> leaves;

    StrictSums(PaperIndex index, Function<Query, LexicalSums.Leaf> leaves) {
        this.index = index;
        this.leaves = leaves;
    }

    /** The query's score of each paper by ordinal (0 where it does not match), or null for a shape left to Lucene. */
    float[] scores(Query query) {
        Sparse sparse = of(query);
        if (sparse == null) {
            return null;
        }
        float[] scores = new float[index.size()];
        for (int o = 0; o < index.size(); o++) {
            if (sparse.matched[o]) {
                scores[o] = Math.max(Float.MIN_NORMAL, sparse.scores[o]);
            }
        }
        return scores;
    }

    /** A query's matches and scores, dense by ordinal. */
    private record Sparse(boolean[] matched, float[] scores) {
    }

    private Sparse of(Query query) {
        if (LuceneRewrites.leafShape(query)) {
            return dense(leaves.apply(query));
        }
        if (query instanceof DisjunctionMaxQuery disjunction) {
            return best(disjunction);
        }
        if (!(query instanceof BooleanQuery bool) || bool.getMinimumNumberShouldMatch() != 0 || bool.clauses().isEmpty()) {
            return null;
        }
        List<Query> required = new ArrayList<>();
        List<Query> optional = new ArrayList<>();
        List<Query> excluded = new ArrayList<>();
        for (BooleanClause clause : bool.clauses()) {
            switch (clause.getOccur()) {
                case MUST -> required.add(clause.getQuery());
                case SHOULD -> optional.add(clause.getQuery());
                case MUST_NOT -> excluded.add(clause.getQuery());
                default -> {
                    return null; // a filter clause: Lucene may rewrite it with the others
                }
            }
        }
        if (required.isEmpty() && excluded.isEmpty()) {
            List<Query> flat = new ArrayList<>();
            LuceneRewrites.flatten(bool, flat);
            List<Query> merged = LuceneRewrites.merged(flat);
            return merged == null ? null : sum(merged);
        }
        List<Query> asked = LuceneRewrites.merged(optional);
        if (asked == null || !distinct(required, asked, excluded)) {
            return null; // a required clause twice, or a clause both asked for and excluded: Lucene rewrites them
        }
        if (bool.clauses().size() == 1 && excluded.isEmpty()) {
            return of(bool.clauses().get(0).getQuery()); // Lucene rewrites a single clause to itself
        }
        if (required.isEmpty() && asked.isEmpty() || nested(required, asked)) {
            return null; // nested groups beside optional clauses or inside required ones: Lucene may flatten them
        }
        Sparse positive = required.isEmpty() ? sum(asked) : required(required, asked);
        for (Query not : excluded) {
            Sparse out = positive == null ? null : of(not);
            if (out == null) {
                return null;
            }
            exclude(positive, out);
        }
        return positive;
    }

    /** No required clause twice, and none both asked for and excluded. */
    private static boolean distinct(List<Query> required, List<Query> asked, List<Query> excluded) {
        return new HashSet<>(required).size() == required.size()
                && required.stream().noneMatch(q -> asked.contains(q) || excluded.contains(q))
                && asked.stream().noneMatch(excluded::contains);
    }

    /** A group among optional clauses, or one not of optional clauses only among required ones. */
    private static boolean nested(List<Query> required, List<Query> asked) {
        return asked.stream().anyMatch(q -> q instanceof BooleanQuery)
                || required.stream().anyMatch(q -> q instanceof BooleanQuery inner && !LuceneRewrites.pure(inner));
    }

    /** Required clauses, and the optional ones beside them adding to the papers that match those. */
    private Sparse required(List<Query> required, List<Query> asked) {
        Sparse positive = required.size() == 1 ? of(required.get(0)) : conjunction(required);
        if (positive != null && !asked.isEmpty()) {
            Sparse opt = asked.size() == 1 ? of(asked.get(0)) : sum(asked);
            if (opt == null) {
                return null;
            }
            for (int o = 0; o < index.size(); o++) {
                if (positive.matched[o] && opt.matched[o]) {
                    positive.scores[o] += opt.scores[o]; // ReqOptSumScorer adds in float
                }
            }
        }
        return positive;
    }

    private void exclude(Sparse positive, Sparse out) {
        for (int o = 0; o < index.size(); o++) {
            if (out.matched[o]) {
                positive.matched[o] = false;
                positive.scores[o] = 0;
            }
        }
    }

    /** A disjunction max: the best score plus the tie-breaker times the others, summed in double. */
    private Sparse best(DisjunctionMaxQuery disjunction) {
        if (disjunction.getDisjuncts().size() < 2 || disjunction.getTieBreakerMultiplier() >= 1) {
            return null;
        }
        if (!disjunction.getDisjuncts().stream().allMatch(LuceneRewrites::leafShape)) {
            return bestOfGroups(disjunction);
        }
        Best best = new Best(index.size());
        for (Query disjunct : disjunction.getDisjuncts()) {
            LexicalSums.Leaf leaf = leaves.apply(disjunct);
            for (int i = 0; i < leaf.ordinals().length; i++) {
                best.add(leaf.ordinals()[i], leaf.scores()[i]);
            }
        }
        return best.sparse(disjunction.getTieBreakerMultiplier());
    }

    /** A disjunction max of groups (the sides of an OR): the same arithmetic over each side's scores. */
    private Sparse bestOfGroups(DisjunctionMaxQuery disjunction) {
        Best best = new Best(index.size());
        for (Query disjunct : disjunction.getDisjuncts()) {
            Sparse part = of(disjunct);
            if (part == null) {
                return null;
            }
            for (int o = 0; o < index.size(); o++) {
                if (part.matched[o]) {
                    best.add(o, part.scores[o]);
                }
            }
        }
        return best.sparse(disjunction.getTieBreakerMultiplier());
    }

    /** A disjunction max's running best score and sum of the others, per paper. */
    private static final class Best {
        private final float[] max;
        private final double[] others;
        private final boolean[] matched;

        Best(int papers) {
            max = new float[papers];
            others = new double[papers];
            matched = new boolean[papers];
        }

        void add(int o, float score) {
            matched[o] = true;
            if (score >= max[o]) {
                others[o] += max[o];
                max[o] = score;
            } else {
                others[o] += score;
            }
        }

        Sparse sparse(double tie) {
            float[] scores = new float[max.length];
            for (int o = 0; o < max.length; o++) {
                if (matched[o]) {
                    scores[o] = (float) (max[o] + others[o] * tie);
                }
            }
            return new Sparse(matched, scores);
        }
    }

    /** Optional clauses: a paper matching any, its scores summed in double. */
    private Sparse sum(List<Query> clauses) {
        double[] sum = new double[index.size()];
        boolean[] matched = new boolean[index.size()];
        for (Query clause : clauses) {
            Sparse part = of(clause);
            if (part == null) {
                return null;
            }
            for (int o = 0; o < index.size(); o++) {
                if (part.matched[o]) {
                    matched[o] = true;
                    sum[o] += part.scores[o];
                }
            }
        }
        return new Sparse(matched, toFloats(sum, matched));
    }

    /** Required clauses: a paper matching all, its scores summed in double. */
    private Sparse conjunction(List<Query> clauses) {
        double[] sum = new double[index.size()];
        boolean[] matched = null;
        for (Query clause : clauses) {
            Sparse part = of(clause);
            if (part == null) {
                return null;
            }
            if (matched == null) {
                matched = part.matched.clone();
            }
            for (int o = 0; o < index.size(); o++) {
                matched[o] &= part.matched[o];
                sum[o] += part.scores[o];
            }
        }
        return new Sparse(matched, toFloats(sum, matched));
    }

    private float[] toFloats(double[] sum, boolean[] matched) {
        float[] scores = new float[index.size()];
        for (int o = 0; o < index.size(); o++) {
            if (matched[o]) {
                scores[o] = (float) sum[o];
            }
        }
        return scores;
    }

    private Sparse dense(LexicalSums.Leaf leaf) {
        boolean[] matched = new boolean[index.size()];
        float[] scores = new float[index.size()];
        for (int i = 0; i < leaf.ordinals().length; i++) {
            matched[leaf.ordinals()[i]] = true;
            scores[leaf.ordinals()[i]] = leaf.scores()[i];
        }
        return new Sparse(matched, scores);
    }
}
