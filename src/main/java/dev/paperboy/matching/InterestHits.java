package dev.paperboy.matching;

import java.util.ArrayList;
import java.util.List;

/**
 * The papers of an index one interest brings, best first: each paper's fused score, and which of the interest's
 * words and phrases it has in its title and in its abstract (bit i for the i-th; an interest has at most 32).
 * Kept for a whole run by everyone who follows the interest, so it holds no more than that: no vector, no query.
 */
final class InterestHits {

    final String interest;
    /** Each distinct word or phrase of the interest as typed; empty for one that only filters (cat:, author:). */
    final List<String> words;
    final int[] ordinals;
    final float[] scores;
    final int[] inTitle;
    final int[] inAbstract;

    InterestHits(String interest, List<String> words, int[] ordinals, float[] scores, int[] inTitle,
                 int[] inAbstract) {
        this.interest = interest;
        this.words = words;
        this.ordinals = ordinals;
        this.scores = scores;
        this.inTitle = inTitle;
        this.inAbstract = inAbstract;
    }

    int size() {
        return ordinals.length;
    }

    /** "Matches “graph neural networks”: graph, neural in the title; networks in the abstract.", or by meaning. */
    String reason(int j) {
        StringBuilder reason = new StringBuilder(96);
        if (words.isEmpty()) {
            return reason.append("Matches “").append(interest).append("”.").toString();
        }
        List<String> title = words(inTitle[j]);
        List<String> abstracts = words(inAbstract[j] & ~inTitle[j]);
        if (title.isEmpty() && abstracts.isEmpty()) {
            return reason.append("Close in meaning to “").append(interest).append("”.").toString();
        }
        reason.append("Matches “").append(interest).append("”: ");
        if (!title.isEmpty()) {
            reason.append(String.join(", ", title)).append(" in the title");
        }
        if (!abstracts.isEmpty()) {
            reason.append(title.isEmpty() ? "" : "; ").append(String.join(", ", abstracts)).append(" in the abstract");
        }
        return reason.append('.').toString();
    }

    private List<String> words(int units) {
        List<String> found = new ArrayList<>(Integer.bitCount(units));
        for (int u = 0; u < words.size(); u++) {
            if ((units & (1 << u)) != 0) {
                found.add(words.get(u));
            }
        }
        return found;
    }
}
