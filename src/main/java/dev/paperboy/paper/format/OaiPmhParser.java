package dev.paperboy.paper.format;

import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.PaperInput;
import dev.paperboy.paper.ParsedPapers;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.paperboy.paper.format.SafeXml.OAI;
import static dev.paperboy.paper.format.SafeXml.OAI_ARXIV;

/**
 * One page of an OAI-PMH {@code ListRecords} answer with {@code metadataPrefix=arXiv}: per record the arXiv id,
 * title, abstract, authors ({@code keyname}, {@code forenames}, {@code suffix}), space-separated categories (the
 * first is the primary), {@code created} and {@code updated}. Records whose header says {@code status="deleted"}
 * are skipped; the page's {@code resumptionToken} asks for the next one (none, or an empty one, on the last page).
 * An OAI {@code noRecordsMatch} error is an empty page; any other OAI error makes the answer malformed.
 */
final class OaiPmhParser {

    ParsedPapers papers(byte[] document) {
        return SafeXml.read(document, OAI, "OAI-PMH", PaperFormat.OAI_PMH, reader -> {
            List<ParsedPapers.Entry> entries = new ArrayList<>();
            String token = null;
            while (SafeXml.nextChild(reader)) {
                if (SafeXml.at(reader, OAI, "error")) {
                    String code = reader.getAttributeValue(null, "code");
                    String message = SafeXml.text(reader).strip();
                    if (!"noRecordsMatch".equals(code)) {
                        throw new ParsedPapers.MalformedDocument("the OAI-PMH server answered " + code
                                + (message.isEmpty() ? "" : ": " + message), null);
                    }
                } else if (SafeXml.at(reader, OAI, "ListRecords")) {
                    while (SafeXml.nextChild(reader)) {
                        if (SafeXml.at(reader, OAI, "record")) {
                            record(reader, entries);
                        } else if (SafeXml.at(reader, OAI, "resumptionToken")) {
                            token = SafeXml.text(reader).strip();
                        } else {
                            SafeXml.skip(reader);
                        }
                    }
                } else {
                    SafeXml.skip(reader);
                }
            }
            return new ParsedPapers(PaperFormat.OAI_PMH.source(), entries, token == null || token.isEmpty() ? null : token);
        });
    }

    /** Adds the record's paper, unless the record is deleted. */
    private static void record(XMLStreamReader reader, List<ParsedPapers.Entry> entries) throws XMLStreamException {
        boolean deleted = false;
        String identifier = null;
        Fields paper = null;
        while (SafeXml.nextChild(reader)) {
            if (SafeXml.at(reader, OAI, "header")) {
                deleted = "deleted".equals(reader.getAttributeValue(null, "status"));
                while (SafeXml.nextChild(reader)) {
                    if (SafeXml.at(reader, OAI, "identifier")) {
                        identifier = SafeXml.text(reader).strip();
                    } else {
                        SafeXml.skip(reader);
                    }
                }
            } else if (SafeXml.at(reader, OAI, "metadata")) {
                while (SafeXml.nextChild(reader)) {
                    if (SafeXml.at(reader, OAI_ARXIV, "arXiv")) {
                        paper = arxiv(reader);
                    } else {
                        SafeXml.skip(reader);
                    }
                }
            } else {
                SafeXml.skip(reader);
            }
        }
        if (deleted) {
            return;
        }
        if (paper == null) {
            entries.add(ParsedPapers.Entry.unreadable("record " + identifier + " has no arXiv metadata"));
            return;
        }
        if (paper.id == null) {
            paper.id = identifier;
        }
        entries.add(paper.paper());
    }

    private static Fields arxiv(XMLStreamReader reader) throws XMLStreamException {
        Fields paper = new Fields();
        while (SafeXml.nextChild(reader)) {
            if (!OAI_ARXIV.equals(reader.getNamespaceURI())) {
                SafeXml.skip(reader);
                continue;
            }
            switch (reader.getLocalName()) {
                case "id" -> paper.id = SafeXml.text(reader).strip();
                case "title" -> paper.title = SafeXml.text(reader);
                case "abstract" -> paper.abstractText = SafeXml.text(reader);
                case "categories" -> paper.categories = SafeXml.text(reader);
                case "created" -> paper.created = SafeXml.text(reader);
                case "updated" -> paper.updated = SafeXml.text(reader);
                case "authors" -> {
                    while (SafeXml.nextChild(reader)) {
                        if (SafeXml.at(reader, OAI_ARXIV, "author")) {
                            paper.authors.add(author(reader));
                        } else {
                            SafeXml.skip(reader);
                        }
                    }
                }
                default -> SafeXml.skip(reader);
            }
        }
        return paper;
    }

    /** "Forenames Keyname Suffix", as the name is written on the paper. */
    private static String author(XMLStreamReader reader) throws XMLStreamException {
        String keyname = "";
        String forenames = "";
        String suffix = "";
        while (SafeXml.nextChild(reader)) {
            switch (reader.getLocalName()) {
                case "keyname" -> keyname = SafeXml.text(reader).strip();
                case "forenames" -> forenames = SafeXml.text(reader).strip();
                case "suffix" -> suffix = SafeXml.text(reader).strip();
                default -> SafeXml.skip(reader);
            }
        }
        return String.join(" ", forenames, keyname, suffix).strip();
    }

    /** A record's fields as written; turned into a paper, or a reason, once the whole record is read. */
    private static final class Fields {
        String id;
        String title;
        String abstractText;
        String categories;
        String created;
        String updated;
        final List<String> authors = new ArrayList<>();

        ParsedPapers.Entry paper() {
            try {
                ArxivId arxiv = ArxivId.parse(id).orElse(null);
                List<String> categoryList = categories == null ? List.of()
                        : Arrays.stream(categories.strip().split("\\s+")).filter(c -> !c.isEmpty()).toList();
                return ParsedPapers.Entry.of(new PaperInput(arxiv == null ? id : arxiv.id(), title, abstractText,
                        authors, categoryList, arxiv == null ? null : arxiv.absUrl(), Dates.instant("created", created),
                        arxiv == null ? null : arxiv.version(), null, categoryList.isEmpty() ? null : categoryList.get(0),
                        Dates.instant("updated", updated), arxiv == null ? null : arxiv.pdfUrl()));
            } catch (IllegalArgumentException e) {
                return ParsedPapers.Entry.unreadable(e.getMessage());
            }
        }
    }
}
