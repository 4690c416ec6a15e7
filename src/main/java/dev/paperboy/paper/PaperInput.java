package dev.paperboy.paper;

import java.time.Instant;
import java.util.List;

/** A paper as a source describes it, before it is checked and stored. */
public record PaperInput(String id, String title, String abstractText, List<String> authors,
                         List<String> categories, String url, Instant published) {
}
