package dev.paperboy.matching;

/** A paper that one of a person's interests brings, how strongly, and why, in words. */
public record Match(long paperId, float score, String interest, String reason) {
}
