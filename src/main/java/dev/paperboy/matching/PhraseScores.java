package dev.paperboy.matching;

import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.Similarity;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;

/**
 * Lucene 9.11's BM25 score of a phrase of distinct words over the window, computed here from the words' positions
 * with the terms' statistics the index keeps: building a PhraseQuery's weight looked every word up again, and with a
 * thousand papers that cost more than scoring them. The arithmetic is Lucene's: the phrase's frequency in a paper is
 * the number of exact matches (slop 0, {@code ExactPhraseMatcher}), or the sum in float of 1 / (1 + match length)
 * over the matches {@code SloppyPhraseMatcher} finds (it always moves the word that comes first, so not every
 * combination is counted); the score is the similarity's for the phrase's statistics, its boost and the paper's norm.
 */
final class PhraseScores {

    private PhraseScores() {
    }

    /**
     * The phrase's score of each paper by ordinal (0 where it does not match), or null for a phrase this does not
     * score (fewer than two words, or a word twice).
     */
    static float[] of(IndexSearcher searcher, Function<Term, TermStates> states, int[] ordinalOfDoc,
                      PhraseQuery phrase, float boost) throws IOException {
        Term[] terms = phrase.getTerms();
        int[] offsets = phrase.getPositions();
        if (terms.length < 2 || new HashSet<>(List.of(terms)).size() != terms.length) {
            return null;
        }
        float[] scores = new float[ordinalOfDoc.length];
        TermStates[] termStates = new TermStates[terms.length];
        TermStatistics[] statistics = new TermStatistics[terms.length];
        for (int t = 0; t < terms.length; t++) {
            termStates[t] = states.apply(terms[t]);
            if (termStates[t].docFreq() == 0) {
                return scores; // a word no paper has: no match (Lucene's weight gives no scorer)
            }
            statistics[t] = searcher.termStatistics(terms[t], termStates[t].docFreq(), termStates[t].totalTermFreq());
        }
        String field = phrase.getField();
        Similarity.SimScorer scorer = searcher.getSimilarity()
                .scorer(boost, searcher.collectionStatistics(field), statistics);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            PostingsEnum[] postings = postings(leaf, field, terms, termStates);
            if (postings != null) {
                score(leaf, field, postings, offsets, phrase.getSlop(), scorer, ordinalOfDoc, scores);
            }
        }
        return scores;
    }

    /** The phrase's scores of one segment's papers (each step a method of one loop: compiled as soon as it is hot). */
    private static void score(LeafReaderContext leaf, String field, PostingsEnum[] postings, int[] offsets, int slop,
                              Similarity.SimScorer scorer, int[] ordinalOfDoc, float[] scores) throws IOException {
        NumericDocValues norms = leaf.reader().getNormValues(field);
        int[][] positions = new int[postings.length][];
        for (int doc = together(postings, 0); doc != DocIdSetIterator.NO_MORE_DOCS; doc = together(postings, doc + 1)) {
            for (int t = 0; t < postings.length; t++) {
                positions[t] = positions(postings[t], offsets[t], positions[t]);
            }
            float freq = slop == 0 ? exact(positions) : sloppy(positions, postings, offsets, slop);
            if (freq > 0) {
                long norm = norms != null && norms.advanceExact(doc) ? norms.longValue() : 1L;
                scores[ordinalOfDoc[leaf.docBase + doc]] = scorer.score(freq, norm);
            }
        }
    }

    /** A word's positions in the paper less its offset, ascending, then MAX_VALUE (in {@code at} when it fits). */
    private static int[] positions(PostingsEnum postings, int offset, int[] at) throws IOException {
        int freq = postings.freq();
        int[] into = at == null || at.length < freq + 1 ? new int[freq + 1] : at;
        for (int i = 0; i < freq; i++) {
            into[i] = postings.nextPosition() - offset;
        }
        into[freq] = Integer.MAX_VALUE; // past the last
        return into;
    }

    private static PostingsEnum[] postings(LeafReaderContext leaf, String field, Term[] terms, TermStates[] states)
            throws IOException {
        LeafReader reader = leaf.reader();
        Terms fieldTerms = reader.terms(field);
        if (fieldTerms == null) {
            return null;
        }
        PostingsEnum[] postings = new PostingsEnum[terms.length];
        for (int t = 0; t < terms.length; t++) {
            TermState state = states[t].get(leaf);
            if (state == null) {
                return null;
            }
            TermsEnum words = fieldTerms.iterator();
            words.seekExact(terms[t].bytes(), state);
            postings[t] = words.postings(null, PostingsEnum.POSITIONS);
        }
        return postings;
    }

    /** The first document from {@code target} on that every word is in; they all stand on it. */
    private static int together(PostingsEnum[] postings, int target) throws IOException {
        int doc = target;
        while (true) {
            boolean all = true;
            for (PostingsEnum p : postings) {
                int at = p.docID() >= doc ? p.docID() : p.advance(doc);
                if (at == DocIdSetIterator.NO_MORE_DOCS) {
                    return at;
                }
                if (at > doc) {
                    doc = at;
                    all = false;
                }
            }
            if (all) {
                return doc;
            }
        }
    }

    /** Exact matches: the phrase positions every word stands at (each word's positions less its offset, ascending). */
    private static float exact(int[][] positions) {
        int count = 0;
        int[] at = new int[positions.length];
        outer:
        for (int lead : positions[0]) {
            if (lead == Integer.MAX_VALUE) {
                break;
            }
            for (int t = 1; t < positions.length; t++) {
                while (positions[t][at[t]] < lead) {
                    at[t]++;
                }
                if (positions[t][at[t]] != lead) {
                    continue outer;
                }
            }
            count++;
        }
        return count;
    }

    /**
     * SloppyPhraseMatcher without repeated words: the words in a queue by phrase position (then offset), the first
     * one moved on until it passes the next; a match is the span from the first to the last word, less the phrase's
     * own length, when within the slop, and the frequency sums 1 / (1 + that length) in float.
     */
    private static float sloppy(int[][] positions, PostingsEnum[] postings, int[] offsets, int slop) {
        int n = positions.length;
        int[] at = new int[n];
        int end = Integer.MIN_VALUE;
        for (int t = 0; t < n; t++) {
            end = Math.max(end, positions[t][0]);
        }
        float freq = 0;
        boolean positioned = true;
        while (positioned) {
            // nextMatch
            int pp = first(positions, at, offsets, -1);
            int matchLength = end - positions[pp][at[pp]];
            int next = positions[second(positions, at, offsets, pp)][at[second(positions, at, offsets, pp)]];
            boolean matched = false;
            boolean exhausted = true;
            while (positions[pp][at[pp] + 1] != Integer.MAX_VALUE) {
                at[pp]++;
                int position = positions[pp][at[pp]];
                end = Math.max(end, position);
                if (position > next) {
                    if (matchLength <= slop) {
                        matched = true;
                        exhausted = false;
                        break;
                    }
                    pp = first(positions, at, offsets, -1);
                    int second = second(positions, at, offsets, pp);
                    next = positions[second][at[second]];
                    matchLength = end - positions[pp][at[pp]];
                } else if (end - position < matchLength) {
                    matchLength = end - position;
                }
            }
            if (exhausted) {
                positioned = false;
                matched = matchLength <= slop;
            }
            if (!matched) {
                break;
            }
            freq += 1f / (1f + matchLength);
        }
        return freq;
    }

    /** The word first in the queue's order (phrase position, then offset), other than {@code except}. */
    private static int first(int[][] positions, int[] at, int[] offsets, int except) {
        int best = -1;
        for (int t = 0; t < positions.length; t++) {
            if (t != except && (best < 0 || before(positions[t][at[t]], offsets[t], t,
                    positions[best][at[best]], offsets[best], best))) {
                best = t;
            }
        }
        return best;
    }

    private static int second(int[][] positions, int[] at, int[] offsets, int first) {
        return first(positions, at, offsets, first);
    }

    private static boolean before(int position, int offset, int ord, int otherPosition, int otherOffset, int otherOrd) {
        if (position != otherPosition) {
            return position < otherPosition;
        }
        return offset != otherOffset ? offset < otherOffset : ord < otherOrd;
    }
}
