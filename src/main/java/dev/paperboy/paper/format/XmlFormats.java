package dev.paperboy.paper.format;

import dev.paperboy.paper.ParsedPapers;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import static dev.paperboy.paper.format.SafeXml.ARXIV;
import static dev.paperboy.paper.format.SafeXml.ATOM;
import static dev.paperboy.paper.format.SafeXml.OAI;
import static dev.paperboy.paper.format.SafeXml.RDF;

/** Tells which format an XML document is in from its first elements, read as safely as the parsers read it. */
final class XmlFormats {

    private XmlFormats() {
    }

    /**
     * Which format an XML document is in, from its root element: a feed is arXiv's when the arXiv namespace is
     * declared before its first entry ends, or its links point at arxiv.org.
     */
    static PaperFormat sniff(byte[] document) {
        XMLStreamReader reader = SafeXml.open(document);
        try {
            SafeXml.toRoot(reader);
            String root = reader.getLocalName();
            String namespace = reader.getNamespaceURI();
            if ("OAI-PMH".equals(root) && OAI.equals(namespace)) {
                return PaperFormat.OAI_PMH;
            }
            if ("feed".equals(root) && ATOM.equals(namespace)) {
                return mentionsArxiv(reader, "entry") ? PaperFormat.ARXIV_ATOM : PaperFormat.ATOM;
            }
            if ("rss".equals(root) && (namespace == null || namespace.isEmpty())) {
                return mentionsArxiv(reader, "item") ? PaperFormat.ARXIV_RSS : PaperFormat.RSS;
            }
            if ("RDF".equals(root) && RDF.equals(namespace)) {
                return PaperFormat.RSS;
            }
            throw new ParsedPapers.MalformedDocument("the root element <" + reader.getName() + "> is none Paperboy reads:"
                    + " expected an Atom <feed>, an RSS <rss> or <rdf:RDF>, or an OAI-PMH answer", null);
        } catch (XMLStreamException e) {
            throw SafeXml.malformed(e);
        }
    }

    private static boolean mentionsArxiv(XMLStreamReader reader, String entry) throws XMLStreamException {
        if (declaresArxiv(reader)) {
            return true;
        }
        int events = 0;
        while (reader.hasNext() && events++ < 10_000) {
            int event = SafeXml.next(reader);
            if (event == XMLStreamConstants.START_ELEMENT && declaresArxiv(reader)) {
                return true;
            } else if (event == XMLStreamConstants.END_ELEMENT && entry.equals(reader.getLocalName())) {
                return false;
            }
        }
        return false;
    }

    private static boolean declaresArxiv(XMLStreamReader reader) {
        if (ARXIV.equals(reader.getNamespaceURI())) {
            return true;
        }
        for (int i = 0; i < reader.getNamespaceCount(); i++) {
            if (ARXIV.equals(reader.getNamespaceURI(i))) {
                return true;
            }
        }
        return false;
    }
}
