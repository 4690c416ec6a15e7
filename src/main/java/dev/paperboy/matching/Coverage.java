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

    /** The rarity-weighted share of the interest's words and phrases each paper has, and where it has them. */
    static float[] of(PaperIndex index, List<Query> units, int[] inTitle, int[] inAbstract) {
        int n = index.size();
        float[] coverage = new float[n];
        if (units.isEmpty()) {
            Arrays.fill(coverage, 1f);
            return coverage;
        }
        double total = 0;
        for (int u = 0; u < units.size(); u++) {
            Unit unit = index.coverageUnit(units.get(u));
            total += unit.idf;
            int bit = 1 << u;
            BitSet either = unit.either;
            for (int i = either.nextSetBit(0); i >= 0; i = either.nextSetBit(i + 1)) {
                coverage[i] += (float) unit.idf;
                if (unit.title.get(i)) {
                    inTitle[i] |= bit;
                }
                if (unit.abstracts.get(i)) {
                    inAbstract[i] |= bit;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            coverage[i] = (float) (coverage[i] / total);
        }
        return coverage;
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
