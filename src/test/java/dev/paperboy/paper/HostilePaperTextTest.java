package dev.paperboy.paper;

import com.icegreen.greenmail.util.GreenMail;
import dev.paperboy.AdminApi;
import dev.paperboy.InjectGreenMail;
import dev.paperboy.Mailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static dev.paperboy.paper.PaperDocuments.counts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A feed's hostile title and abstract reach the digest mail and its web page as text, never as markup. */
@QuarkusTest
class HostilePaperTextTest {

    @InjectGreenMail
    GreenMail greenMail;

    @Test
    void aHostileTitleReachesTheDigestMailAndPageAsText() {
        PaperDocuments run = new PaperDocuments();
        String email = "hostile.reader." + run.marker + "@example.org";
        String interest = "okapi " + run.marker;
        // escaped once for XML, so after parsing the title holds real tags and entities, as a careless feed sends it
        String rss = """
                <rss version="2.0" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
                  <channel><title>q-bio updates on arXiv.org</title>
                    <item>
                      <title>Okapi %1$s stripes &lt;script&gt;alert('t')&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;
                        &lt;svg/onload=alert(2)&gt; for k&lt;n and n&gt;m &amp;amp; &amp;eacute;t&amp;eacute;</title>
                      <link>https://arxiv.org/abs/2611.31337</link>
                      <description>arXiv:2611.31337v1 Announce Type: new
                Abstract: Okapi %1$s stripes &lt;iframe src="https://evil.example"&gt;&lt;/iframe&gt;&lt;b onmouseover="alert(3)"&gt;bold&lt;/b&gt; when $p&lt;0.05$.</description>
                      <guid isPermaLink="false">oai:arXiv.org:2611.31337v1</guid>
                      <arxiv:announce_type>new</arxiv:announce_type>
                      <dc:creator>&lt;a href="javascript:alert(4)"&gt;Mallory&lt;/a&gt;</dc:creator>
                    </item>
                  </channel>
                </rss>""".formatted(run.marker);
        assertEquals(List.of(1, 1, 0, 0, 0), counts(PaperDocuments.post("application/rss+xml",
                run.id(rss).getBytes(StandardCharsets.UTF_8))));
        Paper stored = run.paper("2611.31337");
        String title = "Okapi " + run.marker + " stripes for k<n and n>m & été";
        assertEquals(title, stored.title, "tags are dropped, entities decoded, inequalities stay as written");
        assertEquals("Okapi " + run.marker + " stripes bold when $p<0.05$.", stored.abstractText);
        assertEquals(List.of("Mallory"), List.of(stored.authors));

        AdminApi.admin().contentType(ContentType.JSON)
                .body("[{\"email\": \"" + email + "\", \"interests\": [\"" + interest + "\"]}]")
                .post("/api/admin/subscribers").then().statusCode(200);
        AdminApi.forceRun(Instant.now());
        Mailbox.Mail digest = new Mailbox(greenMail, email).awaitMail(1);

        assertTrue(digest.text().contains(title), digest.text());
        String html = digest.html();
        assertTrue(html.contains("stripes for k&lt;n and n&gt;m &amp; été"), html);
        assertMarkupFree(html);

        String page = RestAssured.given().get(digest.linkPath("/digests/")).then().statusCode(200).extract().asString();
        assertTrue(page.contains("for k&lt;n and n&gt;m"), page);
        assertMarkupFree(page);
    }

    private static void assertMarkupFree(String html) {
        for (String hostile : new String[]{"<script>alert", "<img src=x", "onerror=", "<svg", "onload", "<iframe", "onmouseover",
                "javascript:alert", "evil.example"}) {
            assertFalse(html.contains(hostile), hostile + " in:\n" + html);
        }
    }
}
