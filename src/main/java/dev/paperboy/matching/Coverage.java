package dev.paperboy.matching;

import org.apache.lucene.search.Query;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/** How much of an interest each paper says in words: the lexical side's share of the interest. */
final class Coverage {

    private Coverage() {
    }

    /** Where one word or phrase of an interest stands in the window's papers, and its rarity there. */
    record Unit(BitSet title, BitSet abstracts, BitSet either, double idf) {
    }

    /**
     * The rarity-weighted share of the interest's words and phrases each paper has, and where it has them. Words
     * written as alternatives (OR, {@code groups}) count as one, as rare as the rarest of them, had by a paper that has
     * any of them: "survey OR review" asks for either, and a paper with one has all that was asked.
     */
    static float[] of(PaperIndex index, List<Query> units, int[] groups, int[] inTitle, int[] inAbstract) {
        int n = index.size();
        float[] coverage = new float[n];
        if (units.isEmpty()) {
            Arrays.fill(coverage, 1f);
            return coverage;
        }
        Unit[] found = new Unit[units.size()];
        for (int u = 0; u < units.size(); u++) {
            Unit unit = index.coverageUnit(units.get(u));
            found[u] = unit;
            mark(unit.title, inTitle, 1 << u);
            mark(unit.abstracts, inAbstract, 1 << u);
        }
        double total = 0;
        for (int u = 0; u < units.size(); u++) {
            if (!firstOfItsGroup(groups, u)) {
                continue;
            }
            BitSet either = found[u].either;
            double idf = found[u].idf;
            if (groups[u] >= 0) {
                for (int v = u + 1; v < units.size(); v++) {
                    if (groups[v] == groups[u]) {
                        if (either == found[u].either) {
                            either = (BitSet) either.clone();
                        }
                        either.or(found[v].either);
                        idf = Math.max(idf, found[v].idf);
                    }
                }
            }
            total += idf;
            add(either, coverage, (float) idf);
        }
        for (int i = 0; i < n; i++) {
            coverage[i] = (float) (coverage[i] / total);
        }
        return coverage;
    }

    /** The bit of a unit set for the papers that have it (one loop a method: compiled as soon as it is hot). */
    private static void mark(BitSet papers, int[] into, int bit) {
        for (int i = papers.nextSetBit(0); i >= 0; i = papers.nextSetBit(i + 1)) {
            into[i] |= bit;
        }
    }

    private static void add(BitSet papers, float[] coverage, float idf) {
        for (int i = papers.nextSetBit(0); i >= 0; i = papers.nextSetBit(i + 1)) {
            coverage[i] += idf;
        }
    }

    /** Whether unit {@code u} stands alone or comes first of its alternatives. */
    private static boolean firstOfItsGroup(int[] groups, int u) {
        for (int v = 0; v < u && groups[u] >= 0; v++) {
            if (groups[v] == groups[u]) {
                return false;
            }
        }
        return true;
    }

    /** A unit (on the language's text field) over this index's papers: shared by the interests that ask for it. */
    static Unit unit(PaperIndex index, Query unit) {
        BitSet title = index.matching(InterestQuery.onField(unit, PaperIndex.TITLE));
        BitSet abstracts = index.matching(InterestQuery.onField(unit, PaperIndex.ABSTRACT));
        BitSet either = (BitSet) title.clone();
        either.or(abstracts);
        int df = either.cardinality();
        int n = index.size();
        return new Unit(title, abstracts, either, Math.log(1 + (n - df + 0.5) / (df + 0.5)));
    }
}
