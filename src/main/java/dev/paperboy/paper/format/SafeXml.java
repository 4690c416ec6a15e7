package dev.paperboy.paper.format;

import dev.paperboy.paper.ParsedPapers;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;

/**
 * StAX with no DTD and no external entity: a document that declares a DOCTYPE (the door to XXE and entity
 * bombs) is refused at once, before any entity is read.
 */
final class SafeXml {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String ARXIV = "http://arxiv.org/schemas/atom";
    static final String OAI = "http://www.openarchives.org/OAI/2.0/";
    static final String OAI_ARXIV = "http://arxiv.org/OAI/arXiv/";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    private static final XMLInputFactory FACTORY = factory();

    private SafeXml() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory;
    }

    /** What reads a document from its root element on. */
    interface Body<T> {
        T read(XMLStreamReader reader) throws XMLStreamException;
    }

    /**
     * Reads a document whose root is {@code name} in {@code namespace} with {@code body}, then checks the rest of
     * it: anything not well-formed, cut off included, makes it malformed.
     */
    static <T> T read(byte[] document, String namespace, String name, PaperFormat format, Body<T> body) {
        XMLStreamReader reader = open(document);
        try {
            expectRoot(reader, namespace, name, format);
            T result = body.read(reader);
            finish(reader);
            return result;
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    static XMLStreamReader open(byte[] document) {
        try {
            return FACTORY.createXMLStreamReader(new ByteArrayInputStream(document));
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    /** The next event; a DOCTYPE is refused, an entity reference the document could only have declared in one too. */
    static int next(XMLStreamReader reader) throws XMLStreamException {
        int event = reader.next();
        if (event == XMLStreamConstants.DTD) {
            throw new ParsedPapers.MalformedDocument("the document declares a DOCTYPE; DTDs and entity declarations are "
                    + "not accepted (no external entities, no entity expansion)", null);
        }
        if (event == XMLStreamConstants.ENTITY_REFERENCE) {
            throw new ParsedPapers.MalformedDocument("the document uses the undeclared entity &" + reader.getLocalName()
                    + "; (only &amp; &lt; &gt; &quot; &apos; and numeric references are XML)", null);
        }
        return event;
    }

    /** Moves to the next child element of the current one: true at its start, false at the parent's end. */
    static boolean nextChild(XMLStreamReader reader) throws XMLStreamException {
        while (reader.hasNext()) {
            int event = next(reader);
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
        }
        throw new XMLStreamException("the document ends inside an element");
    }

    /** All text inside the current element, nested elements included; leaves the reader at its end. */
    static String text(XMLStreamReader reader) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = next(reader);
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(reader.getText());
                default -> {
                }
            }
        }
        return text.toString();
    }

    /** Skips the current element and everything in it. */
    static void skip(XMLStreamReader reader) throws XMLStreamException {
        text(reader);
    }

    /** Moves to the root element. */
    static void toRoot(XMLStreamReader reader) throws XMLStreamException {
        while (reader.hasNext()) {
            if (next(reader) == XMLStreamConstants.START_ELEMENT) {
                return;
            }
        }
        throw new XMLStreamException("the document has no root element");
    }

    /** Moves to the root element and checks it is {@code name} in {@code namespace}. */
    private static void expectRoot(XMLStreamReader reader, String namespace, String name, PaperFormat format)
            throws XMLStreamException {
        toRoot(reader);
        String found = reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI();
        if (!name.equals(reader.getLocalName()) || !namespace.equals(found)) {
            throw new ParsedPapers.MalformedDocument("expected " + format + " (a <" + name + "> root"
                    + (namespace.isEmpty() ? "" : " in " + namespace) + "), found <" + reader.getName() + ">", null);
        }
    }

    /** Reads on to the end of the document, so that anything after the root element is checked too. */
    private static void finish(XMLStreamReader reader) throws XMLStreamException {
        while (reader.hasNext()) {
            next(reader);
        }
        reader.close();
    }

    /** Whether the reader is at the start of {@code name} in {@code namespace}. */
    static boolean at(XMLStreamReader reader, String namespace, String name) {
        String found = reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI();
        return name.equals(reader.getLocalName()) && namespace.equals(found);
    }

    /** What a parse error says, and where. */
    static ParsedPapers.MalformedDocument malformed(XMLStreamException e) {
        String message = e.getMessage() == null ? "unreadable" : e.getMessage();
        int at = message.indexOf("Message: ");
        if (at >= 0) {
            message = message.substring(at + "Message: ".length());
        }
        String where = e.getLocation() == null || e.getLocation().getLineNumber() < 0 ? ""
                : " (line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber() + ")";
        return new ParsedPapers.MalformedDocument("not well-formed XML" + where + ": " + message.strip(), e);
    }
}
