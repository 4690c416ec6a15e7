package dev.paperboy.subscriber.interest;

import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What AND joins: the run of plain words (and quoted phrases) on each side of it, not only the word next to it:
 * {@code reinforcement learning AND reasoning} is {@code (reinforcement learning) AND reasoning}, as a person reading
 * a search box takes it (the classic query parser's grammar binds only the one word on each side). OR keeps binding
 * the one word or phrase on each side ({@code survey OR review transformers}: either word, and transformers), as
 * search engines read it and as interests already saved mean; a group of plain words (parentheses, or a run beside
 * AND) asks for most of its words ({@link #mostOf}).
 */
final class Runs {

    /** A clause as the grammar read it: its conjunction and modifier, its query (null for a stop word), its leaves. */
    record Written(int conj, int mods, Query query, List<InterestParser.Leaf> leaves) {
    }

    /** Builds the group of a run's clauses. */
    interface Grouping {
        Query group(List<Written> run) throws ParseException;
    }

    private Runs() {
    }

    /**
     * Parentheses among plain words with no operator, AND, OR or modifier anywhere beside them, are prose, as in a
     * sentence ("... trainable (initialization, gradient noise)"): the words of such a group are the surrounding
     * words' own, ranking as they do, not a group that asks for most of its words.
     */
    static List<Written> inlined(List<Written> items, Function<Query, List<InterestParser.Leaf>> leavesOf) {
        boolean prose = false;
        for (Written item : items) {
            if (item.conj() != InterestParser.CONJ_NONE || item.mods() != InterestParser.MOD_NONE) {
                return items;
            }
            prose |= plainGroup(item.query());
        }
        if (!prose) {
            return items;
        }
        List<Written> out = new ArrayList<>(items.size());
        for (Written item : items) {
            if (plainGroup(item.query())) {
                for (BooleanClause clause : ((BooleanQuery) item.query()).clauses()) {
                    out.add(new Written(InterestParser.CONJ_NONE, InterestParser.MOD_NONE, clause.getQuery(),
                            leavesOf.apply(clause.getQuery())));
                }
            } else {
                out.add(item);
            }
        }
        return out;
    }

    /** A group of plain words that asks for most of them ({@link #mostOf}). */
    private static boolean plainGroup(Query query) {
        return query instanceof BooleanQuery group && group.getMinimumNumberShouldMatch() > 0
                && group.clauses().stream().allMatch(c -> c.getOccur() == BooleanClause.Occur.SHOULD);
    }

    /**
     * The clauses with each run of plain words beside an AND (two or more words or phrases written one after the
     * other, nothing between them) made one clause, joined as its first word was; a word an OR binds (the one next to
     * it) stays out of the run. Unchanged when no AND is written.
     */
    static List<Written> grouped(List<Written> items, Grouping grouping) throws ParseException {
        if (!anyAnd(items)) {
            return items;
        }
        List<Written> out = new ArrayList<>(items.size());
        int i = 0;
        while (i < items.size()) {
            int j = i + 1;
            if (plain(items.get(i))) {
                while (j < items.size() && plain(items.get(j)) && items.get(j).conj() == InterestParser.CONJ_NONE) {
                    j++;
                }
            }
            boolean beside = items.get(i).conj() == InterestParser.CONJ_AND
                    || j < items.size() && items.get(j).conj() == InterestParser.CONJ_AND;
            int from = items.get(i).conj() == InterestParser.CONJ_OR ? i + 1 : i;
            int to = j < items.size() && items.get(j).conj() == InterestParser.CONJ_OR ? j - 1 : j;
            if (beside && from < to && items.subList(from, to).stream().filter(item -> item.query() != null).count() >= 2) {
                out.addAll(items.subList(i, from));
                List<Written> run = new ArrayList<>(items.subList(from, to));
                Written first = run.get(0);
                run.set(0, new Written(InterestParser.CONJ_NONE, first.mods(), first.query(), first.leaves()));
                List<InterestParser.Leaf> leaves = new ArrayList<>();
                run.forEach(item -> leaves.addAll(item.leaves()));
                out.add(new Written(first.conj(), InterestParser.MOD_NONE, grouping.group(run), leaves));
                out.addAll(items.subList(to, j));
            } else {
                out.addAll(items.subList(i, j));
            }
            i = j;
        }
        return out;
    }

    /** Whether no clause is joined by AND or OR (a group of words written one after the other). */
    static boolean joinedByNothing(List<Written> items) {
        for (Written item : items) {
            if (item.conj() != InterestParser.CONJ_NONE) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyAnd(List<Written> items) {
        for (Written item : items) {
            if (item.conj() == InterestParser.CONJ_AND) {
                return true;
            }
        }
        return false;
    }

    /** A word or quoted phrase with no modifier (+, -, NOT) before it, or a stop word. */
    private static boolean plain(Written item) {
        return item.mods() == InterestParser.MOD_NONE && (item.query() == null || isWords(item.query()));
    }

    /** A word or a phrase on the text field (not cat:, author: or a group). */
    static boolean isWords(Query query) {
        return query instanceof TermQuery term && InterestLanguage.TEXT.equals(term.getTerm().field())
                || query instanceof PhraseQuery phrase && InterestLanguage.TEXT.equals(phrase.getField());
    }

    /**
     * Plain words in a group (no AND, OR or +) ask for most of them, as a whole interest of plain words does: half
     * of them and one more (2 of 2 or 3, 3 of 4 or 5), each word or phrase one. The whole interest itself ranks by
     * its share of the words instead ({@link #asWhole}), where meaning may bring a paper said in other words.
     */
    static Query mostOf(BooleanQuery group) {
        int words = 0;
        for (BooleanClause clause : group.clauses()) {
            if (clause.getOccur() == BooleanClause.Occur.SHOULD && isWords(clause.getQuery())) {
                words++;
            } else if (clause.getOccur() != BooleanClause.Occur.MUST_NOT) {
                return group;
            }
        }
        if (words < 2) {
            return group;
        }
        BooleanQuery.Builder most = new BooleanQuery.Builder().setMinimumNumberShouldMatch(words / 2 + 1);
        group.clauses().forEach(most::add);
        return most.build();
    }

    /** The whole interest: its plain words rank by the share of them a paper has, none of them required. */
    static Query asWhole(Query query) {
        if (!(query instanceof BooleanQuery bool) || bool.getMinimumNumberShouldMatch() == 0) {
            return query;
        }
        BooleanQuery.Builder whole = new BooleanQuery.Builder();
        bool.clauses().forEach(whole::add);
        return whole.build();
    }
}
