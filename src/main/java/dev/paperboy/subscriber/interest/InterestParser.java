package dev.paperboy.subscriber.interest;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Lucene's classic query parser, configured for interests: words go to the text field, cat: and author: are exact
 * terms that filter (required unless OR'd), and each word keeps the text it was typed as, so the meaning of the
 * interest (without its NOT parts) can be embedded as written.
 */
final class InterestParser extends PlainQueryParser {

    // QueryParserBase's own codes for conjunctions and modifiers, package-private there
    static final int CONJ_NONE = 0;
    static final int CONJ_AND = 1;
    static final int CONJ_OR = 2;
    static final int MOD_NONE = 0;
    private static final int MOD_NOT = 10;
    private static final int MOD_REQ = 11;
    private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z-]*(\\.[a-z-]+)?");

    /** One word or phrase as typed, its query (null for a stop word), and whether a NOT or - excludes it. */
    static final class Leaf {
        final String typed;
        final Query query;
        final boolean field;
        boolean excluded;
        /** Leaves written as alternatives of one another (OR) share a group; -1 for a leaf that stands alone. */
        int group = -1;
        /** Within a group, the leaves of one side of an OR share an alternative; -1 outside a group. */
        int alternative = -1;

        Leaf(String typed, Query query, boolean field) {
            this.typed = typed;
            this.query = query;
            this.field = field;
        }
    }

    private static final int MAX_WORDS = 100_000;
    /** Each plain word's query on the text field (empty for a stop word), by the word as typed. */
    private static final Map<String, Optional<Query>> WORDS = new ConcurrentHashMap<>();

    final List<Leaf> leaves = new ArrayList<>();
    private final Map<Query, List<Leaf>> leavesOf = new IdentityHashMap<>();
    private final Set<Query> promoted = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<List<BooleanClause>, List<Runs.Written>> written = new IdentityHashMap<>();
    private int groups;
    private int alternatives;

    InterestParser(Analyzer analyzer) {
        super(analyzer);
        setDefaultOperator(Operator.OR);
        setSplitOnWhitespace(true);
        setAutoGeneratePhraseQueries(true); // click-through is the phrase "click through"
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
        String name = field.toLowerCase(Locale.ROOT);
        Query query;
        if (InterestLanguage.CATEGORY.equals(name)) {
            String category = InterestLanguage.categoryKey(queryText);
            if (!CATEGORY.matcher(category).matches()) {
                throw new FieldRefused(queryText, "“" + queryText + "” is not an arXiv category (write one like cat:cs.LG)");
            }
            query = new TermQuery(new Term(InterestLanguage.CATEGORY, category));
        } else if (InterestLanguage.AUTHOR.equals(name)) {
            String author = InterestLanguage.authorKey(queryText);
            if (author.isEmpty()) {
                throw new FieldRefused(field + ":", "An author: needs a name, like author:\"Ada Lovelace\"");
            }
            query = new TermQuery(new Term(InterestLanguage.AUTHOR, author));
        } else {
            query = super.getFieldQuery(InterestLanguage.TEXT, queryText, quoted);
        }
        return leaf(queryText, query, !InterestLanguage.TEXT.equals(name));
    }

    /**
     * A plain word (not quoted, no operator before it) on the text field, as {@link #getFieldQuery} reads it; its
     * query is analyzed once per word for every interest (the queries of words are immutable), as interests share
     * their words.
     */
    Query plainWord(String word) throws ParseException {
        Optional<Query> known = WORDS.get(word);
        if (known == null) {
            Query query = super.getFieldQuery(InterestLanguage.TEXT, word, false);
            known = Optional.ofNullable(query instanceof TermQuery || query instanceof PhraseQuery ? query : null);
            if (query == null || known.isPresent()) {
                if (WORDS.size() >= MAX_WORDS) {
                    WORDS.clear();
                }
                WORDS.put(word, known);
            } else {
                known = Optional.of(query);
            }
        }
        return leaf(word, known.orElse(null), false);
    }

    private Query leaf(String typed, Query query, boolean field) {
        Leaf leaf = new Leaf(typed, query, field);
        leaves.add(leaf);
        if (query != null) {
            leavesOf.put(query, List.of(leaf));
        }
        return query;
    }

    /**
     * A quoted phrase comes back as a new query (its slop applied): it stays the same leaf, so a NOT before it
     * still excludes it from the meaning and the words.
     */
    @Override
    protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
        Query query = super.getFieldQuery(field, queryText, slop);
        if (query != null && !leaves.isEmpty() && !leavesOf.containsKey(query)) {
            leavesOf.put(query, List.of(leaves.get(leaves.size() - 1)));
        }
        return query;
    }

    /**
     * Every clause the grammar reads is only written down here: {@link #getBooleanQuery} builds the group once all of
     * its clauses are known, so that a run of plain words beside AND becomes one group ({@link Runs}).
     */
    @Override
    protected void addClause(List<BooleanClause> clauses, int conj, int mods, Query q) {
        List<Leaf> of = q != null ? leavesOf.getOrDefault(q, List.of())
                : List.copyOf(leaves.subList(Math.max(0, leaves.size() - 1), leaves.size()));
        written.computeIfAbsent(clauses, c -> new ArrayList<>()).add(new Runs.Written(conj, mods, q, of));
    }

    /** The group of the clauses written into this list, as {@link #group} builds it. */
    @Override
    protected Query getBooleanQuery(List<BooleanClause> clauses) throws ParseException {
        List<Runs.Written> items = written.remove(clauses);
        return items == null ? super.getBooleanQuery(clauses) : group(items, false);
    }

    /**
     * The whole interest of the clauses written into this list (plain words, parsed without the grammar): it ranks by
     * its share of the words, so it is not built as a group that asks for most of them, only to be undone.
     */
    Query whole(List<BooleanClause> clauses) throws ParseException {
        List<Runs.Written> items = written.remove(clauses);
        return items == null ? super.getBooleanQuery(clauses) : group(items, true);
    }

    /**
     * The query of a group's clauses (a parenthesised group, or the whole interest), its runs of plain words beside
     * AND grouped first; a group of plain words asks for most of them ({@link Runs#mostOf}); the only clause itself
     * when it stands alone unmodified, as the grammar returns it.
     */
    private Query group(List<Runs.Written> items, boolean whole) throws ParseException {
        List<Runs.Written> grouped = Runs.grouped(Runs.inlined(items, q -> leavesOf.getOrDefault(q, List.of())),
                run -> group(run, false));
        List<BooleanClause> clauses = new ArrayList<>();
        for (Runs.Written item : grouped) {
            place(clauses, item);
        }
        Query first = !grouped.isEmpty() && grouped.get(0).mods() == MOD_NONE ? grouped.get(0).query() : null;
        if (clauses.size() == 1 && first != null) {
            return first;
        }
        Query query = super.getBooleanQuery(clauses);
        if (query != null) {
            if (!whole && Runs.joinedByNothing(grouped)) {
                query = Runs.mostOf((BooleanQuery) query);
            }
            List<Leaf> all = new ArrayList<>();
            for (BooleanClause clause : clauses) {
                all.addAll(leavesOf.getOrDefault(clause.getQuery(), List.of()));
            }
            leavesOf.put(query, all);
        }
        return query;
    }

    /**
     * One clause into its group, as the classic parser adds it, but for two things: a cat: or author: clause
     * written beside words is required (it narrows, where a word only ranks; written with OR between two of them,
     * neither is), and the leaves of clauses joined by OR become alternatives of one another.
     */
    private void place(List<BooleanClause> clauses, Runs.Written item) {
        int conj = item.conj();
        int mods = item.mods();
        Query q = item.query();
        if (mods == MOD_NOT) {
            item.leaves().forEach(leaf -> leaf.excluded = true);
        }
        if (conj == CONJ_OR && !clauses.isEmpty()) {
            BooleanClause last = clauses.get(clauses.size() - 1);
            if (promoted.remove(last.getQuery())) {
                clauses.set(clauses.size() - 1, new BooleanClause(last.getQuery(), BooleanClause.Occur.SHOULD));
            }
            if (q != null) {
                alternatives(leavesOf.getOrDefault(last.getQuery(), List.of()), item.leaves());
            }
        }
        int effective = mods;
        if (conj == CONJ_NONE && mods == MOD_NONE && q != null && isFilter(q)) {
            effective = MOD_REQ;
            promoted.add(q);
        }
        super.addClause(clauses, conj, effective, q);
    }

    /**
     * The leaves of two clauses joined by OR (and those already OR'd with them) become one group; each side's leaves
     * not yet an alternative become one: (deep learning theory) OR "neural tangent kernel" has two alternatives.
     */
    private void alternatives(List<Leaf> before, List<Leaf> after) {
        int joined = -1;
        for (Leaf leaf : before) {
            joined = Math.max(joined, leaf.group);
        }
        int group = joined >= 0 ? joined : groups++;
        for (List<Leaf> side : List.of(before, after)) {
            int alternative = -1;
            for (Leaf leaf : side) {
                int old = leaf.group;
                if (old >= 0 && old != group) {
                    leaves.stream().filter(l -> l.group == old).forEach(l -> l.group = group);
                }
                leaf.group = group;
                if (leaf.alternative < 0) {
                    alternative = alternative < 0 ? alternatives++ : alternative;
                    leaf.alternative = alternative;
                }
            }
        }
    }

    /** Whether a clause only filters by category or author (a field term, or a group of them). */
    static boolean isFilter(Query q) {
        if (q instanceof TermQuery term) {
            return !InterestLanguage.TEXT.equals(term.getTerm().field());
        }
        if (q instanceof BooleanQuery bool) {
            return !bool.clauses().isEmpty() && bool.clauses().stream().allMatch(c -> isFilter(c.getQuery()));
        }
        return false;
    }

    /** A cat: or author: value that is not one, and the typed text it is about. */
    static final class FieldRefused extends ParseException {
        final String typed;

        FieldRefused(String typed, String message) {
            super(message);
            this.typed = typed;
        }
    }
}
