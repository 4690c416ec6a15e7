package dev.paperboy.paper;

import java.util.List;

/** What a parser read from one document: each entry a paper, or the reason that entry could not be read. */
public record ParsedPapers(String source, List<Entry> entries) {

    /** One entry of the document. */
    public record Entry(PaperInput paper, String problem) {
        static Entry of(PaperInput paper) {
            return new Entry(paper, null);
        }

        static Entry unreadable(String problem) {
            return new Entry(null, problem);
        }
    }

    /** Thrown when the document as a whole cannot be read; nothing of it is imported. */
    public static class MalformedDocument extends RuntimeException {
        public MalformedDocument(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
