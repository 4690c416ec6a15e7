package dev.paperboy.paper.format;

import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.PaperInput;
import dev.paperboy.paper.ParsedPapers;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.util.ArrayList;
import java.util.List;

import static dev.paperboy.paper.format.SafeXml.ARXIV;
import static dev.paperboy.paper.format.SafeXml.ATOM;

/**
 * The Atom answer of arXiv's query API ({@code export.arxiv.org/api/query}): per entry the abs URL as id (with
 * its version), title, summary, authors, {@code published}/{@code updated}, the abs and pdf links, every
 * {@code category} and the {@code arxiv:primary_category}. An answer that is arXiv's error entry is malformed.
 */
final class ArxivAtomParser {

    ParsedPapers papers(byte[] document) {
        return SafeXml.read(document, ATOM, "feed", PaperFormat.ARXIV_ATOM, reader -> {
            List<ParsedPapers.Entry> entries = new ArrayList<>();
            while (SafeXml.nextChild(reader)) {
                if (SafeXml.at(reader, ATOM, "entry")) {
                    entries.add(entry(reader).paper());
                } else {
                    SafeXml.skip(reader);
                }
            }
            return new ParsedPapers(PaperFormat.ARXIV_ATOM.source(), entries);
        });
    }

    private static Fields entry(XMLStreamReader reader) throws XMLStreamException {
        Fields entry = new Fields();
        while (SafeXml.nextChild(reader)) {
            String name = reader.getLocalName();
            if (ARXIV.equals(reader.getNamespaceURI())) {
                if (name.equals("primary_category")) {
                    entry.primaryCategory = reader.getAttributeValue(null, "term");
                }
                SafeXml.skip(reader);
                continue;
            }
            if (!ATOM.equals(reader.getNamespaceURI())) {
                SafeXml.skip(reader);
                continue;
            }
            switch (name) {
                case "id" -> entry.id = SafeXml.text(reader);
                case "title" -> entry.title = SafeXml.text(reader);
                case "summary" -> entry.summary = SafeXml.text(reader);
                case "published" -> entry.published = SafeXml.text(reader);
                case "updated" -> entry.updated = SafeXml.text(reader);
                case "author" -> {
                    while (SafeXml.nextChild(reader)) {
                        if (SafeXml.at(reader, ATOM, "name")) {
                            entry.authors.add(SafeXml.text(reader));
                        } else {
                            SafeXml.skip(reader);
                        }
                    }
                }
                case "link" -> {
                    link(reader, entry);
                    SafeXml.skip(reader);
                }
                case "category" -> {
                    String term = reader.getAttributeValue(null, "term");
                    if (term != null) {
                        entry.categories.add(term);
                    }
                    SafeXml.skip(reader);
                }
                default -> SafeXml.skip(reader);
            }
        }
        return entry;
    }

    private static void link(XMLStreamReader reader, Fields entry) {
        String href = reader.getAttributeValue(null, "href");
        String rel = reader.getAttributeValue(null, "rel");
        if ("pdf".equals(reader.getAttributeValue(null, "title"))
                || "application/pdf".equals(reader.getAttributeValue(null, "type"))) {
            entry.pdf = href;
        } else if (rel == null || rel.equals("alternate")) {
            entry.link = href;
        }
    }

    /** An entry's fields as written; turned into a paper, or a reason, once the whole entry is read. */
    private static final class Fields {
        String id;
        String title;
        String summary;
        String published;
        String updated;
        String link;
        String pdf;
        String primaryCategory;
        final List<String> authors = new ArrayList<>();
        final List<String> categories = new ArrayList<>();

        ParsedPapers.Entry paper() {
            if (id != null && id.strip().startsWith("http://arxiv.org/api/errors")) {
                throw new ParsedPapers.MalformedDocument("arXiv answered with an error: " + (summary == null ? id : summary.strip()), null);
            }
            try {
                ArxivId arxiv = ArxivId.parse(id).orElse(null);
                String url = arxiv != null ? arxiv.absUrl() : link;
                return ParsedPapers.Entry.of(new PaperInput(arxiv != null ? arxiv.id() : id, title, summary, authors,
                        categories, url, Dates.instant("published", published), arxiv == null ? null : arxiv.version(),
                        null, primaryCategory, Dates.instant("updated", updated), pdf));
            } catch (IllegalArgumentException e) {
                return ParsedPapers.Entry.unreadable(e.getMessage());
            }
        }
    }
}
