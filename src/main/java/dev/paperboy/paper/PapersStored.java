package dev.paperboy.paper;

/** Fired by an import that added or changed papers; observers that need the committed rows observe after success. */
public record PapersStored(int added, int updated) {
}
