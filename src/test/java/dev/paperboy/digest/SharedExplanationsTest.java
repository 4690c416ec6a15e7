package dev.paperboy.digest;

import com.icegreen.greenmail.util.GreenMail;
import dev.paperboy.AdminApi;
import dev.paperboy.InjectGreenMail;
import dev.paperboy.Mailbox;
import dev.paperboy.People;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The explanations that mails of a run share are those of the paper as it is: a paper updated in place after one
 * mail carried it is explained from its new text in the next.
 */
@QuarkusTest
class SharedExplanationsTest {

    @InjectGreenMail
    GreenMail greenMail;

    @Test
    void aPaperUpdatedBetweenTwoMailsIsExplainedFromItsNewTitle() {
        String marker = "eelgrass" + People.marker().replaceAll("[0-9]", "q");
        String first = People.address("shared.first");
        People.subscribe(first, marker + " restoration");
        // an arXiv id of its own; its v2 updates the paper in place
        String arxiv = "29%02d.%05d".formatted(ThreadLocalRandom.current().nextInt(100),
                ThreadLocalRandom.current().nextInt(100_000));
        String papers = """
                [{"id": "%s", "title": "%s restoration %s",
                  "abstract": "We followed %s restoration plots along a sheltered coast for five years."}]""";
        AdminApi.importPapers(papers.formatted(arxiv + "v1", marker, "in shallow bays", marker));
        AdminApi.forceRun(Instant.now());
        String before = new Mailbox(greenMail, first).awaitMail(1).html();
        assertTrue(before.contains("<mark>restoration</mark> in shallow bays"), before);

        assertEquals(1, AdminApi.importPapers(papers.formatted(arxiv + "v2", marker, "after marine heatwaves", marker))
                .getInt("updated"));
        String second = People.address("shared.second");
        People.subscribe(second, marker + " restoration");
        AdminApi.forceRun(Instant.now());
        String after = new Mailbox(greenMail, second).awaitMail(1).html();
        assertTrue(after.contains("<mark>restoration</mark> after marine heatwaves"), after);
        assertFalse(after.contains("in shallow bays"), after);
    }
}
