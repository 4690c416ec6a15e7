package dev.paperboy.paper.source;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A source of kind feed: a lab's blog or a conference's page, in RSS or Atom, with none of arXiv's ids. */
@QuarkusTest
class AnyFeedPollTest {

    /** A feed source reads any RSS 2.0 or Atom 1.0, whatever XML type the server calls it; Last-Modified alone makes the next GET conditional. */
    @Test
    void aFeedSourceReadsAnyRssOrAtom() {
        String rss = SourcesApi.unique("feed-rss");
        String atom = SourcesApi.unique("feed-atom");
        String marker = "lab" + rss.substring(rss.lastIndexOf('-') + 1);
        String lastModified = "Thu, 26 Nov 2026 06:00:00 GMT";
        try (SourceServer server = new SourceServer()) {
            server.on("/blog.rss", (exchange, number) -> {
                if (lastModified.equals(exchange.getRequestHeaders().getFirst("If-Modified-Since"))) {
                    exchange.sendResponseHeaders(304, -1);
                    return;
                }
                SourceServer.send(exchange, 200, "text/xml; charset=utf-8", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <rss version="2.0"><channel><title>A lab's blog</title><link>https://lab.example.org/</link>
                          <description>What the lab publishes</description>
                          <item><title>Fast %1$s sketches for streams</title><link>https://lab.example.org/posts/1</link>
                            <guid>https://lab.example.org/posts/1</guid><pubDate>Wed, 25 Nov 2026 09:00:00 GMT</pubDate>
                            <description>&lt;p&gt;We count %1$s items in one pass &amp;amp; little memory.&lt;/p&gt;</description></item>
                          <item><title>Fair %1$s sampling at scale</title><link>https://lab.example.org/posts/2</link>
                            <description>Reservoirs of %1$s samples.</description></item>
                        </channel></rss>""".formatted(marker), "Last-Modified", lastModified);
            });
            server.on("/proceedings.atom", (exchange, number) -> SourceServer.send(exchange, 200, "application/xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <feed xmlns="http://www.w3.org/2005/Atom"><title>Proceedings</title><id>urn:uuid:proc</id>
                      <updated>2026-11-26T06:00:00Z</updated>
                      <entry><title>The %1$s graphs, revisited</title><id>urn:uuid:%1$s-1</id>
                        <link href="https://proc.example.org/papers/1"/><updated>2026-11-25T09:00:00Z</updated>
                        <author><name>Grace Hopper</name></author><summary>Why %1$s graphs still matter.</summary></entry>
                    </feed>""".formatted(marker)));
            SourcesApi.add("{\"name\": \"" + rss + "\", \"kind\": \"feed\", \"url\": \"" + server.url("/blog.rss") + "\", \"enabled\": false}");
            SourcesApi.add("{\"name\": \"" + atom + "\", \"kind\": \"feed\", \"url\": \"" + server.url("/proceedings.atom") + "\", \"enabled\": false}");

            assertEquals(2, SourcesApi.pollOk(rss).getInt("added"));
            assertEquals(1, SourcesApi.pollOk(atom).getInt("added"));
            assertEquals(3, Documents.stored(marker));
            JsonPath unchanged = SourcesApi.pollOk(rss);
            assertTrue(unchanged.getBoolean("notModified"), unchanged.prettify());
            assertNull(server.requests("/blog.rss").get(1).header("If-None-Match"), "no ETag was sent, so none is asked for");
            assertEquals("every 1h", SourcesApi.view(rss).getString("schedule"), "a feed is polled hourly by default");
        } finally {
            SourcesApi.delete(rss);
            SourcesApi.delete(atom);
        }
    }

    /** A scheduled poll answers no one: what it rejected (an oversized abstract) is kept with the source for the operator. */
    @Test
    void whatAPollRejectedIsShownWithTheSource() {
        String name = SourcesApi.unique("feed-rejects");
        String marker = "rej" + name.substring(name.lastIndexOf('-') + 1);
        try (SourceServer server = new SourceServer()) {
            server.on("/big.rss", (exchange, number) -> SourceServer.send(exchange, 200, "application/rss+xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <rss version="2.0"><channel><title>Big</title><link>https://big.example.org/</link><description>d</description>
                      <item><title>A fine %1$s post</title><link>https://big.example.org/1</link><description>Short.</description></item>
                      <item><title>An endless %1$s post</title><link>https://big.example.org/2</link><description>%2$s</description></item>
                    </channel></rss>""".formatted(marker, "words ".repeat(5000))));
            SourcesApi.add("{\"name\": \"" + name + "\", \"kind\": \"feed\", \"url\": \"" + server.url("/big.rss") + "\", \"enabled\": false}");
            JsonPath poll = SourcesApi.pollOk(name);
            assertEquals(1, poll.getInt("added"), poll.prettify());
            assertEquals(1, poll.getInt("rejected"), poll.prettify());
            JsonPath view = SourcesApi.view(name);
            assertEquals(1, view.getInt("lastRejected"), view.prettify());
            assertEquals(1, view.getList("lastRejections").size(), view.prettify());
            assertTrue(view.getString("lastRejections[0]").contains("abstract is longer"), view.prettify());
            assertEquals(1, Documents.stored(marker));
        } finally {
            SourcesApi.delete(name);
        }
    }
}
