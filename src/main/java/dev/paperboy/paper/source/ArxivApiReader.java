package dev.paperboy.paper.source;

import dev.paperboy.paper.ImportResult;
import dev.paperboy.paper.ParsedPapers;
import dev.paperboy.paper.format.PaperFormat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * arXiv's query API for a search, newest submissions first, page after page until a page brings nothing new (or
 * is the last, or the page limit is reached: the first poll of a busy category does not fetch its whole history).
 */
final class ArxivApiReader implements SourceReader {

    private static final String ATOM = "application/atom+xml, application/xml;q=0.9";

    private final int pageSize;
    private final int maxPages;

    ArxivApiReader(int pageSize, int maxPages) {
        this.pageSize = pageSize;
        this.maxPages = maxPages;
    }

    @Override
    public void read(Poll poll) throws PollFailure {
        for (int page = 0; page < maxPages; page++) {
            URI uri = page(poll.source, page * pageSize);
            ParsedPapers papers = poll.parse(PaperFormat.ARXIV_ATOM, poll.fetch(uri, ATOM, false));
            ImportResult stored = poll.store(papers, source -> { });
            if (papers.entries().size() < pageSize || stored.added() == 0) {
                return;
            }
        }
    }

    URI page(PaperSource source, int start) {
        String separator = source.url.contains("?") ? "&" : "?";
        return URI.create(source.url + separator + "search_query=" + URLEncoder.encode(source.query, StandardCharsets.UTF_8)
                + "&sortBy=submittedDate&sortOrder=descending&start=" + start + "&max_results=" + pageSize);
    }
}
