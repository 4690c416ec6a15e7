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

    /** The interest's share in words each paper has, and where it has them ({@link #of(PaperIndex, List, int[], int[], int[], int[])}). */
    static float[] of(PaperIndex index, InterestQuery interest, int[] inTitle, int[] inAbstract) {
        return of(index, interest.units, interest.groups, interest.alternatives, inTitle, inAbstract);
    }

    /**
     * The rarity-weighted share of the interest's words and phrases each paper has, and where it has them. Words
     * written as alternatives (OR, {@code groups}) count as one, as rare as the rarest of them, had by a paper that has
     * any of them: "survey OR review" asks for either, and a paper with one has all that was asked. An alternative of
     * several words ({@code alternatives}: {@code (graph neural networks) OR GNN}) counts as its words do, and a
     * paper has the share of the group its best alternative gives it.
     */
    static float[] of(PaperIndex index, List<Query> units, int[] groups, int[] alternatives, int[] inTitle,
                      int[] inAbstract) {
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
            if (groups[u] >= 0 && severalWords(groups, alternatives, u)) {
                total += bestAlternative(found, groups, alternatives, u, coverage);
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

    /** Whether one alternative of unit {@code u}'s group has several units. */
    private static boolean severalWords(int[] groups, int[] alternatives, int u) {
        for (int v = u; v < groups.length; v++) {
            for (int w = v + 1; w < groups.length; w++) {
                if (groups[v] == groups[u] && groups[w] == groups[u] && alternatives[w] == alternatives[v]) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A group with an alternative of several words: it weighs as much as its heaviest alternative (the rarities of
     * its words added up), and each paper has the share of it that its best alternative gives it; the weight.
     */
    private static double bestAlternative(Unit[] found, int[] groups, int[] alternatives, int u, float[] coverage) {
        int n = coverage.length;
        double weight = 0;
        double[] best = new double[n];
        for (int a = u; a < groups.length; a++) {
            if (groups[a] != groups[u] || !firstOfItsAlternative(groups, alternatives, u, a)) {
                continue;
            }
            double side = 0;
            double[] has = new double[n];
            for (int v = a; v < groups.length; v++) {
                if (groups[v] == groups[u] && alternatives[v] == alternatives[a]) {
                    side += found[v].idf;
                    for (int i = found[v].either.nextSetBit(0); i >= 0; i = found[v].either.nextSetBit(i + 1)) {
                        has[i] += found[v].idf;
                    }
                }
            }
            weight = Math.max(weight, side);
            for (int i = 0; i < n; i++) {
                best[i] = Math.max(best[i], has[i] / side);
            }
        }
        for (int i = 0; i < n; i++) {
            coverage[i] += (float) (weight * best[i]);
        }
        return weight;
    }

    /** Whether unit {@code a} comes first of its alternative in unit {@code u}'s group. */
    private static boolean firstOfItsAlternative(int[] groups, int[] alternatives, int u, int a) {
        for (int v = u; v < a; v++) {
            if (groups[v] == groups[u] && alternatives[v] == alternatives[a]) {
                return false;
            }
        }
        return true;
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
