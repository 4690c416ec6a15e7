package dev.paperboy.matching;

import java.time.Instant;

/** What ranking needs of one paper of the window: its text as of a revision, metadata, arrival, and vector. */
public record WindowPaper(long id, long revision, String title, String abstractText, String[] authors,
                          String[] categories, Instant ingestedAt, Integer upvotes, String link, float[] vector) {
}
