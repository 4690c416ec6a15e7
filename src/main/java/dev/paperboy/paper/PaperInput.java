package dev.paperboy.paper;

import java.time.Instant;
import java.util.List;

/**
 * A paper as a source describes it, before it is checked and stored. Every field may be missing; {@code version}
 * is the arXiv version (2 for v2), {@code upvotes} Hugging Face's count, {@code updated} the source's last change.
 */
public record PaperInput(String id, String title, String abstractText, List<String> authors, List<String> categories,
                         String url, Instant published, Integer version, Integer upvotes, String primaryCategory,
                         Instant updated, String pdfUrl) {

    /** A paper with only the fields of Paperboy's own JSON. */
    public PaperInput(String id, String title, String abstractText, List<String> authors, List<String> categories,
                      String url, Instant published) {
        this(id, title, abstractText, authors, categories, url, published, null, null, null, null, null);
    }
}
