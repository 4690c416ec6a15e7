package dev.paperboy.paper;

import java.util.List;

/**
 * What a parser read from one document: each entry a paper, or the reason that entry could not be read; for an
 * OAI-PMH page, the {@code resumptionToken} that asks for the next page (null when the list is complete).
 */
public record ParsedPapers(String source, List<Entry> entries, String resumptionToken) {

    public ParsedPapers(String source, List<Entry> entries) {
        this(source, entries, null);
    }

    /** The same entries under another source name (the name stored with each paper). */
    public ParsedPapers from(String otherSource) {
        return new ParsedPapers(otherSource, entries, resumptionToken);
    }

    /** One entry of the document. */
    public record Entry(PaperInput paper, String problem) {
        public static Entry of(PaperInput paper) {
            return new Entry(paper, null);
        }

        public static Entry unreadable(String problem) {
            return new Entry(null, problem);
        }
    }

    /** Thrown when the document as a whole cannot be read; nothing of it is imported. */
    public static class MalformedDocument extends RuntimeException {
        public MalformedDocument(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Thrown when a document is larger than the configured cap; nothing of it is imported. */
    public static class TooLarge extends MalformedDocument {
        public TooLarge(String message) {
            super(message, null);
        }
    }
}
