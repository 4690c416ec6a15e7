package dev.paperboy.matching;

import java.util.List;

/**
 * The papers of an index one interest brings, best first: each paper's fused score, and which of the interest's
 * words and phrases it has in its title and in its abstract (bit i for the i-th; an interest has at most 32).
 * Kept for a whole run by everyone who follows the interest, so it holds no more than that: no vector, no query.
 */
final class InterestHits {

    /** An interest whose reasons were asked this many times per hit keeps them worded (a popular one). */
    private static final int KEPT_AFTER = 8;

    final String interest;
    /** Each distinct word or phrase of the interest as typed; empty for one that only filters (cat:, author:). */
    final List<String> words;
    final int[] ordinals;
    final float[] scores;
    final int[] inTitle;
    final int[] inAbstract;
    /** How often a reason was asked for, loosely counted: past a few per hit, many follow it, and it keeps them. */
    private int asked;
    private String[] reasons;

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
        String[] known = reasons; // races only word a reason twice, or start keeping them a little later
        if (known != null && known[j] != null) {
            return known[j];
        }
        String worded = word(j);
        if (known != null) {
            known[j] = worded;
        } else if (++asked > KEPT_AFTER * ordinals.length) {
            reasons = new String[ordinals.length];
        }
        return worded;
    }

    private String word(int j) {
        StringBuilder reason = new StringBuilder(96);
        if (words.isEmpty()) {
            return reason.append("Matches ").append(Quoted.interest(interest)).append(".").toString();
        }
        int all = words.size() == Integer.SIZE ? -1 : (1 << words.size()) - 1;
        int title = inTitle[j] & all;
        int abstracts = inAbstract[j] & ~inTitle[j] & all;
        if (title == 0 && abstracts == 0) {
            return reason.append("Close in meaning to ").append(Quoted.interest(interest)).append(".").toString();
        }
        reason.append("Matches ").append(Quoted.interest(interest)).append(": ");
        if (title != 0) {
            words(reason, title).append(" in the title");
        }
        if (abstracts != 0) {
            words(reason.append(title == 0 ? "" : "; "), abstracts).append(" in the abstract");
        }
        return reason.append('.').toString();
    }

    private StringBuilder words(StringBuilder to, int units) {
        String separator = "";
        for (int u = 0; u < words.size(); u++) {
            if ((units & (1 << u)) != 0) {
                to.append(separator).append(words.get(u));
                separator = ", ";
            }
        }
        return to;
    }
}
