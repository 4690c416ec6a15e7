package dev.paperboy.paper.format;

import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.PaperInput;
import dev.paperboy.paper.ParsedPapers;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.paperboy.paper.format.SafeXml.DC;

/**
 * arXiv's RSS 2.0 announcement feeds ({@code rss.arxiv.org/rss/cs.LG+cs.CL}): per item the title, the abs link,
 * the id with its version and the abstract inside {@code description} ("arXiv:2403.00001v2 Announce Type: replace
 * Abstract: ..."), every {@code category} and {@code dc:creator} (authors joined by commas). The announce type
 * ({@code new}, {@code cross}, {@code replace}, {@code replace-cross}, also in {@code arxiv:announce_type}) needs no
 * field of its own: a cross-list is the same paper as in its home category, a replacement is its next version.
 */
final class ArxivRssParser {

    private static final Pattern DESCRIPTION = Pattern.compile(
            "\\s*arXiv:(\\S+)\\s+Announce Type:\\s*(\\S+)\\s*(?:Abstract:)?\\s*(.*)", Pattern.DOTALL);

    ParsedPapers papers(byte[] document) {
        return SafeXml.read(document, "", "rss", PaperFormat.ARXIV_RSS, reader -> {
            List<ParsedPapers.Entry> entries = new ArrayList<>();
            while (SafeXml.nextChild(reader)) {
                if (!SafeXml.at(reader, "", "channel")) {
                    SafeXml.skip(reader);
                    continue;
                }
                while (SafeXml.nextChild(reader)) {
                    if (SafeXml.at(reader, "", "item")) {
                        entries.add(item(reader).paper());
                    } else {
                        SafeXml.skip(reader);
                    }
                }
            }
            return new ParsedPapers(PaperFormat.ARXIV_RSS.source(), entries);
        });
    }

    private static Fields item(XMLStreamReader reader) throws XMLStreamException {
        Fields item = new Fields();
        while (SafeXml.nextChild(reader)) {
            String namespace = reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI();
            String name = reader.getLocalName();
            if (namespace.isEmpty()) {
                switch (name) {
                    case "title" -> item.title = SafeXml.text(reader);
                    case "link" -> item.link = SafeXml.text(reader).strip();
                    case "description" -> item.description = SafeXml.text(reader);
                    case "guid" -> item.guid = SafeXml.text(reader).strip();
                    case "category" -> item.categories.add(SafeXml.text(reader));
                    case "pubDate" -> item.pubDate = SafeXml.text(reader);
                    default -> SafeXml.skip(reader);
                }
            } else if (namespace.equals(DC) && name.equals("creator")) {
                item.creators = SafeXml.text(reader);
            } else {
                SafeXml.skip(reader);
            }
        }
        return item;
    }

    /** An item's fields as written; turned into a paper, or a reason, once the whole item is read. */
    private static final class Fields {
        String title;
        String link;
        String description;
        String guid;
        String pubDate;
        String creators;
        final List<String> categories = new ArrayList<>();

        ParsedPapers.Entry paper() {
            try {
                String abstractText = description;
                ArxivId arxiv = null;
                if (description != null) {
                    Matcher matcher = DESCRIPTION.matcher(description);
                    if (matcher.matches()) {
                        arxiv = ArxivId.parse(matcher.group(1)).orElse(null);
                        abstractText = matcher.group(3);
                    }
                }
                arxiv = arxiv != null ? arxiv : ArxivId.parse(guid).or(() -> ArxivId.parse(link)).orElse(null);
                List<String> authors = creators == null ? null
                        : Arrays.stream(creators.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
                return ParsedPapers.Entry.of(new PaperInput(arxiv == null ? guid : arxiv.id(), title, abstractText,
                        authors, categories, arxiv == null ? link : arxiv.absUrl(), Dates.instant("pubDate", pubDate),
                        arxiv == null ? null : arxiv.version(), null, null, null, arxiv == null ? null : arxiv.pdfUrl()));
            } catch (IllegalArgumentException e) {
                return ParsedPapers.Entry.unreadable(e.getMessage());
            }
        }
    }
}
