package dev.paperboy.paper.source;

import com.icegreen.greenmail.util.GreenMail;
import dev.paperboy.AdminApi;
import dev.paperboy.InjectGreenMail;
import dev.paperboy.Mailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The loop with no operator in it: a source's own Quartz job polls it, and its papers reach the next digest by mail. */
@QuarkusTest
class SourceJobDigestTest {

    @InjectGreenMail
    GreenMail greenMail;

    @Test
    void aSourcePolledByItsJobFeedsTheNextDigest() {
        String name = SourcesApi.unique("job-digest");
        String marker = "zeolite" + name.substring(name.lastIndexOf('-') + 1);
        List<Documents.TestPaper> papers = Documents.papers(marker, 2);
        String email = "source.reader." + marker + "@example.org";
        AdminApi.admin().contentType(ContentType.JSON)
                .body("[{\"email\": \"" + email + "\", \"interests\": [\"" + marker + " retrieval\"]}]")
                .post("/api/admin/subscribers").then().statusCode(200);
        try (SourceServer server = new SourceServer()) {
            server.on("/api/daily_papers", (exchange, number) ->
                    SourceServer.send(exchange, 200, "application/json", Documents.huggingFace(papers)));
            SourcesApi.add("{\"name\": \"" + name + "\", \"kind\": \"huggingface\", \"url\": \""
                    + server.url("/api/daily_papers") + "\", \"every\": \"1h\"}");

            JsonPath polled = SourcesApi.awaitView(name, v -> v.getString("lastSuccessAt") != null, "a poll by the job");
            assertEquals(2, polled.getLong("totalAdded"));
            assertEquals(1, server.requests("/api/daily_papers").size());
            assertTrue(Instant.parse(polled.getString("nextPollAt")).isAfter(Instant.now().plusSeconds(50 * 60)),
                    "then the next poll an hour on: " + polled.getString("nextPollAt"));

            AdminApi.forceRun(Instant.now());
            Mailbox.Mail digest = new Mailbox(greenMail, email).awaitMail(1);
            assertTrue(digest.text().contains(papers.get(0).title()), digest.text());
            assertTrue(digest.text().contains(papers.get(1).title()), digest.text());
        } finally {
            SourcesApi.delete(name);
        }
    }
}
