package dev.paperboy.paper.source;

import dev.paperboy.paper.Paper;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Source documents as the real services write them, each paper with an arXiv id and a title no other test uses. */
final class Documents {

    private static final AtomicInteger NEXT_ID = new AtomicInteger(ThreadLocalRandom.current().nextInt(10_000, 80_000));

    private Documents() {
    }

    /** A paper of a test: its arXiv id and its title (which carries the test's marker word). */
    record TestPaper(String arxivId, String title, String summary) {
    }

    static List<TestPaper> papers(String marker, int count) {
        List<TestPaper> papers = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            papers.add(new TestPaper("2912." + NEXT_ID.getAndIncrement(), "Paper " + i + " on " + marker + " retrieval",
                    "We study " + marker + " retrieval, case " + i + ", with sparse and dense methods."));
        }
        return papers;
    }

    /** Hugging Face's daily papers API: a list of entries each holding the paper. */
    static String huggingFace(List<TestPaper> papers) {
        StringBuilder json = new StringBuilder("[");
        for (TestPaper p : papers) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("""
                    {"paper": {"id": "%s", "authors": [{"_id": "1", "name": "Ada Lovelace", "hidden": false}],
                      "publishedAt": "%s", "title": "%s", "summary": "%s", "upvotes": 7},
                     "publishedAt": "%s", "title": "%s", "thumbnail": "https://cdn.example.org/t.png", "numComments": 2}"""
                    .formatted(p.arxivId(), Instant.now(), p.title(), p.summary(), Instant.now(), p.title()));
        }
        return json.append(']').toString();
    }

    /** One page of arXiv's query API (Atom 1.0 with OpenSearch counts and arxiv: extensions), as its manual shows it. */
    static String arxivAtom(List<TestPaper> papers, int start, int total) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/"
                      xmlns:arxiv="http://arxiv.org/schemas/atom">
                  <link href="http://arxiv.org/api/query" rel="self" type="application/atom+xml"/>
                  <title type="html">ArXiv Query: search_query=cat:cs.LG</title>
                  <id>http://arxiv.org/api/test</id>
                  <updated>%s</updated>
                  <opensearch:totalResults>%d</opensearch:totalResults>
                  <opensearch:startIndex>%d</opensearch:startIndex>
                  <opensearch:itemsPerPage>%d</opensearch:itemsPerPage>
                """.formatted(Instant.now(), total, start, papers.size()));
        for (TestPaper p : papers) {
            xml.append("""
                      <entry>
                        <id>http://arxiv.org/abs/%1$sv1</id>
                        <updated>%2$s</updated>
                        <published>%2$s</published>
                        <title>%3$s</title>
                        <summary>%4$s</summary>
                        <author><name>Ada Lovelace</name></author>
                        <link href="http://arxiv.org/abs/%1$sv1" rel="alternate" type="text/html"/>
                        <link title="pdf" href="http://arxiv.org/pdf/%1$sv1" rel="related" type="application/pdf"/>
                        <arxiv:primary_category term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>
                        <category term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>
                      </entry>
                    """.formatted(p.arxivId(), Instant.now(), p.title(), p.summary()));
        }
        return xml.append("</feed>\n").toString();
    }

    /** arXiv's announcement feed for some categories (RSS 2.0 as arXiv writes it since 2024). */
    static String arxivRss(List<TestPaper> papers) {
        StringBuilder xml = new StringBuilder("""
                <?xml version='1.0' encoding='UTF-8'?>
                <rss xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0">
                  <channel>
                    <title>cs.LG updates on arXiv.org</title>
                    <link>http://rss.arxiv.org/rss/cs.LG</link>
                    <description>cs.LG updates on the arXiv.org e-print archive.</description>
                """);
        for (TestPaper p : papers) {
            xml.append("""
                        <item>
                          <title>%1$s</title>
                          <link>https://arxiv.org/abs/%2$s</link>
                          <description>arXiv:%2$sv1 Announce Type: new
                    Abstract: %3$s</description>
                          <guid isPermaLink="false">oai:arXiv.org:%2$sv1</guid>
                          <category>cs.LG</category>
                          <arxiv:announce_type>new</arxiv:announce_type>
                          <dc:creator>Ada Lovelace, Alan Turing</dc:creator>
                        </item>
                    """.formatted(p.title(), p.arxivId(), p.summary()));
        }
        return xml.append("  </channel>\n</rss>\n").toString();
    }

    /**
     * One page of an OAI-PMH ListRecords answer in arXiv's metadata format; {@code deleted} ids are records marked
     * deleted; {@code token} null makes it the last page (an empty resumptionToken element, as OAI-PMH 2.0 says).
     */
    static String oaiPage(List<TestPaper> papers, List<String> deleted, String token) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">
                  <responseDate>%s</responseDate>
                  <request verb="ListRecords" metadataPrefix="arXiv">http://export.arxiv.org/oai2</request>
                  <ListRecords>
                """.formatted(Instant.now()));
        for (TestPaper p : papers) {
            xml.append("""
                        <record>
                          <header><identifier>oai:arXiv.org:%1$s</identifier><datestamp>2026-11-09</datestamp><setSpec>cs</setSpec></header>
                          <metadata>
                            <arXiv xmlns="http://arxiv.org/OAI/arXiv/">
                              <id>%1$s</id><created>2026-11-08</created>
                              <authors><author><keyname>Lovelace</keyname><forenames>Ada</forenames></author></authors>
                              <title>%2$s</title><categories>cs.LG</categories><abstract>%3$s</abstract>
                            </arXiv>
                          </metadata>
                        </record>
                    """.formatted(p.arxivId(), p.title(), p.summary()));
        }
        for (String id : deleted) {
            xml.append("""
                        <record>
                          <header status="deleted"><identifier>oai:arXiv.org:%s</identifier><datestamp>2026-11-09</datestamp></header>
                        </record>
                    """.formatted(id));
        }
        xml.append(token == null ? "    <resumptionToken/>\n" : "    <resumptionToken cursor=\"0\">" + token + "</resumptionToken>\n");
        return xml.append("  </ListRecords>\n</OAI-PMH>\n").toString();
    }

    /** The answer of a harvest with nothing new since {@code from}. */
    static String oaiNoRecords() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">
                  <responseDate>%s</responseDate>
                  <request verb="ListRecords">http://export.arxiv.org/oai2</request>
                  <error code="noRecordsMatch">The combination of the values of the arguments results in an empty list.</error>
                </OAI-PMH>
                """.formatted(Instant.now());
    }

    /** How many stored papers carry {@code marker} in their title. */
    static long stored(String marker) {
        return QuarkusTransaction.requiringNew().call(() -> Paper.count("title like ?1", "% " + marker + " %"));
    }
}
