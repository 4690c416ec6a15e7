package dev.paperboy.matching;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

import java.io.IOException;

/** Collects every hit's score into an array by ordinal, unsorted: ranking sorts what passes, not every hit. */
final class OrdinalScores extends SimpleCollector {

    private final int[] ordinalOfDoc;
    private final float[] scores;
    private Scorable scorer;
    private int docBase;

    OrdinalScores(int[] ordinalOfDoc, float[] scores) {
        this.ordinalOfDoc = ordinalOfDoc;
        this.scores = scores;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) {
        docBase = context.docBase;
    }

    @Override
    public void setScorer(Scorable scorer) {
        this.scorer = scorer;
    }

    @Override
    public void collect(int doc) throws IOException {
        scores[ordinalOfDoc[docBase + doc]] = Math.max(Float.MIN_NORMAL, scorer.score());
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE;
    }
}
