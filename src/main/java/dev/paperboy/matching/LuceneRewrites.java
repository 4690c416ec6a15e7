package dev.paperboy.matching;

import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What Lucene 9.11's rewriting makes of an interest's groups before it scores them, for adding scores up alike. */
final class LuceneRewrites {

    private LuceneRewrites() {
    }

    /**
     * Optional clauses as Lucene rewrites them: a clause written k times becomes one, its boost times k (a disjunction
     * max of words and phrases, each boosted k times as much); null when a repeated clause is of another shape.
     */
    static List<Query> merged(List<Query> clauses) {
        Map<Query, Integer> times = new LinkedHashMap<>();
        clauses.forEach(clause -> times.merge(clause, 1, Integer::sum));
        if (times.size() == clauses.size()) {
            return clauses;
        }
        List<Query> merged = new ArrayList<>(times.size());
        for (Map.Entry<Query, Integer> clause : times.entrySet()) {
            int k = clause.getValue();
            if (k == 1) {
                merged.add(clause.getKey());
            } else if (clause.getKey() instanceof DisjunctionMaxQuery disjunction
                    && disjunction.getDisjuncts().stream().allMatch(LuceneRewrites::leafShape)) {
                List<Query> boosted = disjunction.getDisjuncts().stream().<Query>map(d -> d instanceof BoostQuery b
                        ? new BoostQuery(b.getQuery(), b.getBoost() * k) : new BoostQuery(d, k)).toList();
                merged.add(new DisjunctionMaxQuery(boosted, disjunction.getTieBreakerMultiplier()));
            } else {
                return null;
            }
        }
        return merged;
    }

    /** Optional clauses only: Lucene inlines such a group's clauses into an enclosing group of optional clauses. */
    static boolean pure(BooleanQuery bool) {
        return bool.getMinimumNumberShouldMatch() == 0 && !bool.clauses().isEmpty()
                && bool.clauses().stream().allMatch(c -> c.getOccur() == BooleanClause.Occur.SHOULD);
    }

    /** A group of optional clauses with the groups of optional clauses within it inlined, as Lucene rewrites it. */
    static void flatten(BooleanQuery bool, List<Query> into) {
        for (BooleanClause clause : bool.clauses()) {
            if (clause.getQuery() instanceof BooleanQuery inner && pure(inner)) {
                flatten(inner, into);
            } else {
                into.add(clause.getQuery());
            }
        }
    }

    /** A word or a phrase, boosted or not: what is searched once per window and added up. */
    static boolean leafShape(Query query) {
        Query inner = query instanceof BoostQuery boost ? boost.getQuery() : query;
        return inner instanceof TermQuery || inner instanceof PhraseQuery;
    }
}
