package dev.paperboy.matching;

/** A paper that one of a person's interests brings, how strongly, and why, in words. */
public record Match(long paperId, float score, String interest, String reason) {

    /** A digest lists at most this many papers, best first; the mail shows the subscriber's share of them. */
    public static final int MAX_LISTED = 50;
}
