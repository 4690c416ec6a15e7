package dev.paperboy.matching;

import org.apache.lucene.search.Query;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/** How much of an interest each paper says in words: the lexical side's share of the interest. */
final class Coverage {

    private Coverage() {
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
            BitSet title = index.matching(InterestQuery.onField(units.get(u), PaperIndex.TITLE));
            BitSet abstracts = index.matching(InterestQuery.onField(units.get(u), PaperIndex.ABSTRACT));
            BitSet either = (BitSet) title.clone();
            either.or(abstracts);
            int df = either.cardinality();
            double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
            total += idf;
            int bit = 1 << u;
            for (int i = either.nextSetBit(0); i >= 0; i = either.nextSetBit(i + 1)) {
                coverage[i] += (float) idf;
                if (title.get(i)) {
                    inTitle[i] |= bit;
                }
                if (abstracts.get(i)) {
                    inAbstract[i] |= bit;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            coverage[i] = (float) (coverage[i] / total);
        }
        return coverage;
    }
}
