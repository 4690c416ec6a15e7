package dev.paperboy.matching;

import java.util.ArrayList;
import java.util.List;

/**
 * The papers of an index one interest brings, best first: each paper's fused score, which of the interest's words
 * and phrases it has in its title and in its abstract (bit i for unit i), and why in words, worked out once for
 * everyone who follows the interest.
 */
final class InterestHits {

    final InterestQuery interest;
    final int[] ordinals;
    final float[] scores;
    final long[] inTitle;
    final long[] inAbstract;
    private final String[] reasons;

    InterestHits(InterestQuery interest, int[] ordinals, float[] scores, long[] inTitle, long[] inAbstract) {
        this.interest = interest;
        this.ordinals = ordinals;
        this.scores = scores;
        this.inTitle = inTitle;
        this.inAbstract = inAbstract;
        this.reasons = new String[ordinals.length];
    }

    int size() {
        return ordinals.length;
    }

    /** "Matches “graph neural networks”: graph, neural in the title; networks in the abstract.", or by meaning. */
    String reason(int j) {
        String reason = reasons[j];
        if (reason == null) {
            reason = describe(j) + ".";
            reasons[j] = reason; // racing threads write the same text
        }
        return reason;
    }

    private String describe(int j) {
        StringBuilder reason = new StringBuilder();
        List<String> title = words(inTitle[j]);
        List<String> abstracts = words(inAbstract[j] & ~inTitle[j]);
        if (interest.units.isEmpty()) {
            return reason.append("Matches “").append(interest.text()).append("”").toString();
        }
        if (title.isEmpty() && abstracts.isEmpty()) {
            return reason.append("Close in meaning to “").append(interest.text()).append("”").toString();
        }
        reason.append("Matches “").append(interest.text()).append("”: ");
        if (!title.isEmpty()) {
            reason.append(String.join(", ", title)).append(" in the title");
        }
        if (!abstracts.isEmpty()) {
            reason.append(title.isEmpty() ? "" : "; ").append(String.join(", ", abstracts)).append(" in the abstract");
        }
        return reason.toString();
    }

    private List<String> words(long units) {
        List<String> words = new ArrayList<>();
        for (int u = 0; u < interest.typed.size(); u++) {
            if ((units & (1L << u)) != 0) {
                words.add(interest.typed.get(u));
            }
        }
        return words;
    }
}
