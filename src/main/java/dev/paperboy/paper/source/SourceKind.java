package dev.paperboy.paper.source;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What a source is: which protocol it speaks, where it lives by default, and whether it is arXiv (paced). */
public enum SourceKind {
    ARXIV_API("arxiv-api", "https://export.arxiv.org/api/query", true),
    ARXIV_RSS("arxiv-rss", "https://rss.arxiv.org/rss/", true),
    ARXIV_OAI("arxiv-oai", "https://oaipmh.arxiv.org/oai", true),
    HUGGINGFACE("huggingface", "https://huggingface.co/api/daily_papers", false),
    FEED("feed", null, false);

    private final String id;
    private final String defaultUrl;
    private final boolean arxiv;

    SourceKind(String id, String defaultUrl, boolean arxiv) {
        this.id = id;
        this.defaultUrl = defaultUrl;
        this.arxiv = arxiv;
    }

    public String id() {
        return id;
    }

    /** The endpoint used when the source names none; null when the operator must give one. */
    String defaultUrl() {
        return defaultUrl;
    }

    /** arXiv's own kinds run on arXiv's daily announcement and share arXiv's pace, wherever their URL points. */
    public boolean arxiv() {
        return arxiv;
    }

    static SourceKind of(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst()
                .orElseThrow(() -> new InvalidSource("kind must be one of " + ids() + ", not " + id));
    }

    static String ids() {
        return Arrays.stream(values()).map(SourceKind::id).collect(Collectors.joining(", "));
    }
}
