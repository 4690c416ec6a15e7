package dev.paperboy.paper.source;

import dev.paperboy.paper.ParsedPapers;
import dev.paperboy.paper.format.PaperFormat;

import java.net.URI;

/**
 * A document that is the whole of what is new: arXiv's RSS for some categories, Hugging Face's daily papers, any
 * RSS/Atom feed. Fetched conditionally (ETag / Last-Modified), so an unchanged feed costs a 304 and adds nothing.
 */
final class FeedReader implements SourceReader {

    private static final String FEED_TYPES = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8";

    @Override
    public void read(Poll poll) throws PollFailure {
        PaperSource source = poll.source;
        SourceKind kind = source.sourceKind();
        URI uri = uri(source);
        Fetched fetched = poll.fetch(uri, kind == SourceKind.HUGGINGFACE ? "application/json" : FEED_TYPES, true);
        if (fetched.notModified()) {
            return;
        }
        ParsedPapers papers = switch (kind) {
            case ARXIV_RSS -> poll.parse(PaperFormat.ARXIV_RSS, fetched);
            case HUGGINGFACE -> poll.parse(PaperFormat.HUGGINGFACE_JSON, fetched);
            default -> poll.parseFeed(fetched);
        };
        poll.store(papers, stored -> {
            stored.etag = fetched.etag();
            stored.lastModified = fetched.lastModified();
        });
    }

    /** arXiv's RSS names its categories in the path, joined with '+': {@code https://rss.arxiv.org/rss/cs.LG+cs.CL}. */
    static URI uri(PaperSource source) {
        if (source.sourceKind() != SourceKind.ARXIV_RSS) {
            return URI.create(source.url);
        }
        return URI.create(source.url + (source.url.endsWith("/") ? "" : "/") + source.query);
    }
}
