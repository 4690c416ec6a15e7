package dev.paperboy.paper.format;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.PaperInput;
import dev.paperboy.paper.ParsedPapers;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Any RSS (0.9x, 1.0, 2.0) or Atom 1.0 feed, read by ROME: journals, lab blogs, conference pages. An entry
 * whose id or link is an arXiv paper is known by that id; any other is known by its title.
 */
final class FeedParser {

    ParsedPapers papers(byte[] document, PaperFormat format) {
        PaperFormat found = XmlFormats.sniff(document);
        if (found == PaperFormat.OAI_PMH) {
            throw new ParsedPapers.MalformedDocument("expected an RSS or Atom feed, found an OAI-PMH answer", null);
        }
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            feed = input.build(new XmlReader(new ByteArrayInputStream(document)));
        } catch (FeedException | IOException | IllegalArgumentException e) {
            throw new ParsedPapers.MalformedDocument("not a feed that can be read: " + e.getMessage(), e);
        }
        List<ParsedPapers.Entry> entries = feed.getEntries().stream().map(FeedParser::entry).toList();
        return new ParsedPapers(format.source(), entries);
    }

    private static ParsedPapers.Entry entry(SyndEntry entry) {
        Optional<ArxivId> arxiv = ArxivId.parse(entry.getUri()).or(() -> ArxivId.parse(entry.getLink()));
        String link = arxiv.map(ArxivId::absUrl).orElse(entry.getLink());
        List<String> authors = entry.getAuthors().stream().map(SyndPerson::getName).toList();
        if (authors.isEmpty() && entry.getAuthor() != null && !entry.getAuthor().isBlank()) {
            authors = List.of(entry.getAuthor());
        }
        return ParsedPapers.Entry.of(new PaperInput(arxiv.map(ArxivId::id).orElse(null), entry.getTitle(), summary(entry),
                authors, entry.getCategories().stream().map(SyndCategory::getName).toList(), link,
                instant(entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate()),
                arxiv.map(ArxivId::version).orElse(null), null, null, instant(entry.getUpdatedDate()),
                arxiv.map(ArxivId::pdfUrl).orElse(null)));
    }

    /** The description (RSS, Atom summary), or else the first content. */
    private static String summary(SyndEntry entry) {
        SyndContent description = entry.getDescription();
        if (description != null && description.getValue() != null && !description.getValue().isBlank()) {
            return description.getValue();
        }
        return entry.getContents().stream().map(SyndContent::getValue).filter(v -> v != null && !v.isBlank())
                .findFirst().orElse(null);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
