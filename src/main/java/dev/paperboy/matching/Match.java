package dev.paperboy.matching;

/**
 * A paper that one of a person's interests brings, how strongly, and why, in words; {@code trending} when it is
 * also (or only: then {@code interest} is null) one of the period's most upvoted papers and the person asked for those.
 */
public record Match(long paperId, float score, String interest, String reason, boolean trending) {

    /** A digest lists at most this many papers, best first; the mail shows the subscriber's share of them. */
    public static final int MAX_LISTED = 50;

    public Match(long paperId, float score, String interest, String reason) {
        this(paperId, score, interest, reason, false);
    }
}
