package dev.paperboy.matching;

import dev.paperboy.subscriber.interest.ParsedInterest;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An interest's words written as alternatives of one another (OR), scored as the best of them. */
final class Alternatives {

    private Alternatives() {
    }

    /**
     * The interest's query with each group of alternatives a disjunction max of its sides (no tie-breaker), not the
     * sum of its words that the parser builds; the query itself when it has none.
     */
    static Query asBest(ParsedInterest parsed) {
        return parsed.words().stream().anyMatch(w -> w.group() >= 0) ? asBest(parsed.query(), sides(parsed))
                : parsed.query();
    }

    /** Each asked word's or phrase's group and side of its OR: -1 alone, -2 when it is written in two places. */
    private static Map<Query, int[]> sides(ParsedInterest parsed) {
        Map<Query, int[]> sides = new HashMap<>();
        for (ParsedInterest.Word word : parsed.words()) {
            int[] side = {word.group(), word.alternative()};
            sides.merge(word.query(), side, (a, b) -> a[0] == b[0] && a[1] == b[1] ? a : new int[]{-2, -2});
        }
        return sides;
    }

    /**
     * Words written as alternatives of one another (OR) score as the best of their sides, a disjunction max, not as
     * their sum: a paper with one of {@code quantization OR pruning} has all that was asked, as much as one with both.
     */
    private static Query asBest(Query query, Map<Query, int[]> sides) {
        if (query instanceof BoostQuery boost) {
            return new BoostQuery(asBest(boost.getQuery(), sides), boost.getBoost());
        }
        if (!(query instanceof BooleanQuery bool)) {
            return query;
        }
        List<BooleanClause> clauses = new ArrayList<>();
        for (BooleanClause clause : bool.clauses()) {
            clauses.add(new BooleanClause(asBest(clause.getQuery(), sides), clause.getOccur()));
        }
        Map<Integer, Map<Integer, List<Query>>> groups = new LinkedHashMap<>();
        if (bool.getMinimumNumberShouldMatch() == 0) {
            for (BooleanClause clause : clauses) {
                int[] side = clause.getOccur() == Occur.SHOULD ? sideOf(clause.getQuery(), sides) : null;
                if (side != null) {
                    groups.computeIfAbsent(side[0], g -> new LinkedHashMap<>())
                            .computeIfAbsent(side[1], a -> new ArrayList<>()).add(clause.getQuery());
                }
            }
        }
        groups.values().removeIf(group -> group.size() < 2);
        if (groups.isEmpty()) {
            return rebuilt(bool.getMinimumNumberShouldMatch(), clauses);
        }
        List<BooleanClause> moved = new ArrayList<>();
        for (BooleanClause clause : clauses) {
            int[] side = clause.getOccur() == Occur.SHOULD ? sideOf(clause.getQuery(), sides) : null;
            if (side == null || !groups.containsKey(side[0])) {
                moved.add(clause);
            } else if (groups.get(side[0]) != null) {
                List<Query> best = groups.put(side[0], null).values().stream() // the group's place: its first side's
                        .map(written -> written.size() == 1 ? written.get(0) : rebuilt(0, written.stream()
                                .map(q -> new BooleanClause(q, Occur.SHOULD)).toList()))
                        .toList();
                moved.add(new BooleanClause(new DisjunctionMaxQuery(best, 0f), Occur.SHOULD));
            }
        }
        if (moved.size() == 1 && moved.get(0).getOccur() == Occur.SHOULD) {
            return moved.get(0).getQuery();
        }
        return rebuilt(bool.getMinimumNumberShouldMatch(), moved);
    }

    private static Query rebuilt(int minimum, List<BooleanClause> clauses) {
        BooleanQuery.Builder built = new BooleanQuery.Builder().setMinimumNumberShouldMatch(minimum);
        clauses.forEach(built::add);
        return built.build();
    }

    /** The one group and side of OR all the words of a clause are in; null when they are not all in one, or alone. */
    private static int[] sideOf(Query clause, Map<Query, int[]> sides) {
        List<Query> leaves = new ArrayList<>();
        leaves(clause, leaves);
        int[] side = null;
        for (Query leaf : leaves) {
            int[] of = sides.get(leaf);
            if (of == null || of[0] < 0 || side != null && (side[0] != of[0] || side[1] != of[1])) {
                return null;
            }
            side = of;
        }
        return side;
    }

    private static void leaves(Query query, List<Query> into) {
        if (query instanceof BooleanQuery bool) {
            bool.clauses().forEach(c -> leaves(c.getQuery(), into));
        } else if (query instanceof DisjunctionMaxQuery best) {
            best.getDisjuncts().forEach(d -> leaves(d, into));
        } else if (query instanceof BoostQuery boost) {
            leaves(boost.getQuery(), into);
        } else {
            into.add(query);
        }
    }
}
