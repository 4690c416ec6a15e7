package dev.paperboy.paper.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.paper.ParsedPapers;
import dev.paperboy.system.ErrorPages;
import dev.paperboy.system.PaperboyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/**
 * Turns a document into papers: by a known {@link PaperFormat} (a source knows what it polls), or by its
 * Content-Type and, for XML, its root element (an upload). A document that cannot be read as a whole, or is larger
 * than {@code paperboy.max-document-size}, throws {@link ParsedPapers.MalformedDocument}: nothing of it is imported.
 */
@ApplicationScoped
public class PaperFormats {

    /** The media types {@link #parse(String, InputStream)} reads. */
    public static final List<String> ACCEPTED_TYPES = List.of("application/json", "application/atom+xml",
            "application/rss+xml", "application/xml", "text/xml");

    private final long maxSize;
    private final PaperboyJsonParser paperboyJson = new PaperboyJsonParser();
    private final HuggingFaceJsonParser huggingFaceJson = new HuggingFaceJsonParser();
    private final JsonLists jsonLists;
    private final ArxivAtomParser arxivAtom = new ArxivAtomParser();
    private final ArxivRssParser arxivRss = new ArxivRssParser();
    private final OaiPmhParser oaiPmh = new OaiPmhParser();
    private final FeedParser feeds = new FeedParser();

    @Inject
    PaperFormats(PaperboyConfig config, ObjectMapper json) {
        this(config.maxDocumentSize().asLongValue(), json);
    }

    PaperFormats(long maxSize, ObjectMapper json) {
        this.maxSize = maxSize;
        this.jsonLists = new JsonLists(json);
    }

    /** Reads {@code body} as {@code format}. */
    public ParsedPapers parse(PaperFormat format, InputStream body) {
        byte[] document = read(body);
        return switch (format) {
            case PAPERBOY_JSON -> paperboyJson.papers(jsonLists.read(document));
            case HUGGINGFACE_JSON -> huggingFaceJson.papers(jsonLists.read(document));
            case ARXIV_ATOM, ARXIV_RSS, OAI_PMH, RSS, ATOM -> parseXml(format, document);
        };
    }

    /**
     * Reads {@code body} in the format its Content-Type names: JSON (Paperboy's or Hugging Face's, told apart by
     * their entries), or XML whose root element says what it is (an Atom or RSS feed, arXiv's or any, or OAI-PMH).
     *
     * @throws UnsupportedType when the type is none of {@link #ACCEPTED_TYPES}
     */
    public ParsedPapers parse(String contentType, InputStream body) {
        MediaType type = ErrorPages.mediaType(contentType);
        String essence = type == null ? null : (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
        if (essence == null || !ACCEPTED_TYPES.contains(essence)) {
            throw new UnsupportedType(contentType);
        }
        byte[] document = read(body);
        if (essence.equals("application/json")) {
            JsonNode list = jsonLists.read(document);
            return HuggingFaceJsonParser.looksLikeHuggingFace(list) ? huggingFaceJson.papers(list) : paperboyJson.papers(list);
        }
        return parseXml(XmlFormats.sniff(document), document);
    }

    private ParsedPapers parseXml(PaperFormat format, byte[] document) {
        return switch (format) {
            case ARXIV_ATOM -> arxivAtom.papers(document);
            case ARXIV_RSS -> arxivRss.papers(document);
            case OAI_PMH -> oaiPmh.papers(document);
            case RSS, ATOM -> feeds.papers(document, format);
            case PAPERBOY_JSON, HUGGINGFACE_JSON -> throw new IllegalArgumentException(format + " is not XML");
        };
    }

    private byte[] read(InputStream body) {
        try {
            byte[] document = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxSize + 1));
            if (document.length > maxSize) {
                throw new ParsedPapers.TooLarge("the document is larger than the limit of " + maxSize + " bytes");
            }
            return document;
        } catch (IOException e) {
            throw new ParsedPapers.MalformedDocument("could not read the document: " + e.getMessage(), e);
        }
    }

    /** The Content-Type of an upload is none Paperboy reads. */
    public static class UnsupportedType extends RuntimeException {
        public UnsupportedType(String contentType) {
            super("unsupported Content-Type " + contentType + "; send one of " + String.join(", ", ACCEPTED_TYPES)
                    + " (JSON: Paperboy's list or Hugging Face daily papers; Atom: arXiv API or any feed;"
                    + " RSS: arXiv or any feed; XML: OAI-PMH or a feed)");
        }
    }
}
