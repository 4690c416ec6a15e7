package dev.paperboy.matching;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The papers of an index one interest brings, best first: each paper's fused score, and which of the interest's
 * words and phrases it has in its title and in its abstract (bit i for the i-th; an interest has at most 32).
 * Kept for a whole run by everyone who follows the interest, so it holds no more than that: no vector, no query.
 */
final class InterestHits {

    /** Distinct reasons an interest keeps: past these (a long sentence's many subsets of words), it words each anew. */
    private static final int KEPT = 16;
    /**
     * Reasons asked of an interest before it keeps them (and its quoted text): more than one person's listing asks. Most
     * of a million people's 400,000 distinct interests have one follower; kept by all of them, their reasons and quoted
     * texts took 300 MB more of the run's heap than its hits (held after a run at 1,000,000: 409 -> 709 MB).
     */
    static final int KEPT_AFTER = Match.MAX_LISTED;
    private static final Worded NONE = new Worded(new long[0], new String[0]);

    final String interest;
    /** Each distinct word or phrase of the interest as typed; empty for one that only filters (cat:, author:). */
    final List<String> words;
    final int[] ordinals;
    final float[] scores;
    final int[] inTitle;
    final int[] inAbstract;
    /**
     * The reasons worded so far, by the words found in the title and in the abstract: the text depends on nothing else,
     * and the few hundred people who follow an interest are listed its papers with a handful of such pairs between them.
     */
    private Worded worded = NONE;
    /** The interest as a reason names it ({@link Quoted#interest}), once kept; see {@link #quoted()}. */
    private String quoted;
    /** Reasons asked so far, loosely counted (races only start keeping a little later). */
    private int asked;
    /** Where the bytes of what it keeps later (reasons, quoted text) are counted; null for none. */
    private AtomicLong held;

    private record Worded(long[] keys, String[] reasons) {
    }

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

    /**
     * Roughly the bytes it holds: its object and arrays (16 bytes a hit), the texts of the interest and its words, and
     * the reasons and quoted text it keeps so far. An estimate (compressed references, Latin-1 strings), to bound what
     * a matcher keeps, not a measure.
     */
    long bytes() {
        long bytes = OBJECT + 4 * ARRAY + 16L * ordinals.length + string(interest) + ARRAY + 4L * words.size();
        for (String word : words) {
            bytes += string(word);
        }
        Worded known = worded;
        for (String reason : known.reasons) {
            bytes += string(reason) + 12;
        }
        String kept = quoted;
        return bytes + (kept == null ? 0 : string(kept));
    }

    /** From now on, adds the bytes of each reason or quoted text it keeps to {@code held}. */
    void countKeptIn(AtomicLong held) {
        this.held = held;
    }

    /** An object's header and fields; an array's header. */
    private static final int OBJECT = 56;
    private static final int ARRAY = 16;

    /** A string's object, its array's header and its bytes (two a character beyond Latin-1, not told apart here). */
    static long string(String s) {
        return 24 + ARRAY + s.length();
    }

    private void kept(String text, int slots) {
        AtomicLong to = held;
        if (to != null) {
            to.addAndGet(string(text) + slots);
        }
    }

    /** The interest as a reason names it ({@link Quoted#interest}): kept once its reasons are. */
    String quoted() {
        String known = quoted;
        if (known != null) {
            return known;
        }
        String made = Quoted.interest(interest);
        if (asked > KEPT_AFTER) {
            quoted = made;
            kept(made, 0);
        }
        return made;
    }

    /** How many reasons this interest keeps (for tests). */
    int kept() {
        return worded.keys.length;
    }

    /** "Matches “graph neural networks”: graph, neural in the title; networks in the abstract.", or by meaning. */
    String reason(int j) {
        int all = words.size() == Integer.SIZE ? -1 : (1 << words.size()) - 1;
        int title = inTitle[j] & all;
        int abstracts = inAbstract[j] & ~inTitle[j] & all;
        long key = (long) title << Integer.SIZE | abstracts & 0xFFFFFFFFL;
        Worded known = worded; // races only word a reason twice, or keep one fewer
        for (int i = 0; i < known.keys.length; i++) {
            if (known.keys[i] == key) {
                return known.reasons[i];
            }
        }
        String reason = word(title, abstracts);
        int n = known.keys.length;
        if (n < KEPT && ++asked > KEPT_AFTER) {
            long[] keys = Arrays.copyOf(known.keys, n + 1);
            String[] reasons = Arrays.copyOf(known.reasons, n + 1);
            keys[n] = key;
            reasons[n] = reason;
            worded = new Worded(keys, reasons);
            kept(reason, 12);
        }
        return reason;
    }

    private String word(int title, int abstracts) {
        if (words.isEmpty()) {
            return "Matches " + quoted() + ".";
        }
        if (title == 0 && abstracts == 0) {
            return "Close in meaning to " + quoted() + ".";
        }
        StringBuilder reason = new StringBuilder(96).append("Matches ").append(quoted()).append(": ");
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
