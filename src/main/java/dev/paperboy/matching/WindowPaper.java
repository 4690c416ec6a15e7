package dev.paperboy.matching;

import java.time.Instant;

/**
 * What ranking needs of one paper of the window: its text as of a revision, metadata, arrival, vector, and the
 * vectors of its abstract's two halves (h1 then h2 in one array; null when not embedded yet).
 */
public record WindowPaper(long id, long revision, String title, String abstractText, String[] authors,
                          String[] categories, Instant ingestedAt, Integer upvotes, String link, float[] vector,
                          float[] halves) {

    /** A paper without halves: it is compared by its vector alone. */
    public WindowPaper(long id, long revision, String title, String abstractText, String[] authors,
                       String[] categories, Instant ingestedAt, Integer upvotes, String link, float[] vector) {
        this(id, revision, title, abstractText, authors, categories, ingestedAt, upvotes, link, vector, null);
    }
}
