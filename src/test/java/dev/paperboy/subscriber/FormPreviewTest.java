package dev.paperboy.subscriber;

import com.icegreen.greenmail.util.GreenMail;
import dev.paperboy.InjectGreenMail;
import dev.paperboy.People;
import dev.paperboy.PreviewPapers;
import dev.paperboy.Person;
import dev.paperboy.Rows;
import dev.paperboy.Visitor;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The forms' "Preview my interests" button (for browsers without script): each interest's papers, nothing saved. */
@QuarkusTest
class FormPreviewTest {

    @InjectGreenMail
    GreenMail greenMail;

    @Test
    void theSignUpFormShowsWhatEachInterestWouldBringAndSubscribesNobody() {
        String word = PreviewPapers.imported();
        String email = People.address("form.preview");
        String nobody = "author:\"Nobody " + People.marker() + "\""; // an exact filter no paper passes
        Map<String, String> fields = new java.util.LinkedHashMap<>(Person.choices(
                word + " crystals\n\"unclosed phrase\n\n" + word + " crystals\n" + nobody));
        fields.put("email", email);
        fields.put("cadence", "weekly");
        fields.put("preview", "on");
        String html = new Visitor().submit("/", "/subscribe", fields).then().statusCode(200).extract().asString();

        Document page = Jsoup.parse(html);
        List<Element> groups = page.select("#interests-preview[aria-live=polite] .preview-group");
        assertEquals(3, groups.size(), "one group per distinct interest: " + groups);
        Element first = groups.get(0);
        assertEquals("“" + word + " crystals” would bring, best first:", first.selectFirst(".preview-head").text());
        Element link = first.selectFirst("ol.preview-papers li a");
        assertEquals("https://example.org/" + word + "/1", link.attr("href"));
        assertEquals(word + " crystals grown in brine", link.text());
        assertTrue(link.select("mark").stream().anyMatch(m -> m.text().equalsIgnoreCase(word)), link.html());
        assertEquals("Matches " + word + ", crystals in the title.", first.selectFirst(".preview-why").text(),
                "why, without the interest named above");

        Element refused = groups.get(1).selectFirst("p.error");
        assertTrue(refused.text().startsWith("“\"unclosed phrase”: "), refused.text());
        assertEquals("\"", refused.selectFirst("code.refused-at mark").text(), "the unclosed quote is marked");
        assertEquals("character 1", refused.selectFirst("code.refused-at mark").attr("title"));
        assertEquals("No recent paper matches “" + nobody + "” yet; new papers may.",
                groups.get(2).selectFirst(".preview-head").text());

        assertEquals(email, page.selectFirst("#email").val(), "the form keeps what was typed");
        assertTrue(page.selectFirst("input[name=cadence][value=weekly]").hasAttr("checked"));
        assertTrue(page.select("p.error").stream().noneMatch(e -> "email-error".equals(e.id())), "no field is judged");
        assertEquals(Optional.empty(), Rows.subscriberState(email), "a preview subscribes nobody");
    }

    @Test
    void thePreferencesPageShowsThePreviewAndSavesNothing() {
        String word = PreviewPapers.imported();
        Person person = Person.active(greenMail, People.address("prefs.preview"), "tidal energy");
        Map<String, String> fields = new java.util.LinkedHashMap<>(Person.choices(word + " brine"));
        fields.put("timezone", "Asia/Tokyo");
        fields.put("preview", "on");
        String html = new Visitor().submit(person.preferences(), person.preferences(), fields)
                .then().statusCode(200).extract().asString();

        Document page = Jsoup.parse(html);
        List<String> titles = page.select("#interests-preview ol.preview-papers li a, #interests-preview .preview-title")
                .eachText();
        assertTrue(titles.contains(word + " crystals grown in brine") && titles.contains("Brine chemistry"),
                titles.toString());
        assertEquals(word + " brine", page.selectFirst("#interests").text(), "the page keeps what was typed");
        assertTrue(page.select("p.notice").isEmpty(), "nothing says saved");
        Subscriber row = QuarkusTransaction.requiringNew().call(() -> Subscriber.byEmail(person.email()).orElseThrow());
        assertEquals(List.of("tidal energy"), row.interestList(), "a preview saves nothing");
        assertEquals("Europe/Lisbon", row.timezone);
    }
}
