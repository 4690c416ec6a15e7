package dev.paperboy.paper.format;

/** Every document format Paperboy reads papers from. */
public enum PaperFormat {
    /** Paperboy's own JSON list: {@code [{id?, title, abstract, authors?[], categories?[], url?, published?}]}. */
    PAPERBOY_JSON("json"),
    /** Hugging Face's daily-papers JSON: a list of {@code {paper: {id, title, summary, authors[], upvotes, ...}}}. */
    HUGGINGFACE_JSON("huggingface"),
    /** The Atom feed of arXiv's query API, with its {@code arxiv:} extensions. */
    ARXIV_ATOM("arxiv-api"),
    /** arXiv's per-category RSS 2.0 announcement feeds. */
    ARXIV_RSS("arxiv-rss"),
    /** One page of an OAI-PMH {@code ListRecords} answer in arXiv's metadata format ({@code metadataPrefix=arXiv}). */
    OAI_PMH("arxiv-oai"),
    /** Any RSS feed (0.9x, 1.0, 2.0), read by ROME. */
    RSS("rss"),
    /** Any Atom 1.0 feed, read by ROME. */
    ATOM("atom");

    private final String source;

    PaperFormat(String source) {
        this.source = source;
    }

    /** The source name stored with papers read in this format, unless the caller names another. */
    public String source() {
        return source;
    }
}
