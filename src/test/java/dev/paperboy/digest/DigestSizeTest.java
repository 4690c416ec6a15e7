package dev.paperboy.digest;

import com.icegreen.greenmail.util.GreenMail;
import dev.paperboy.AdminApi;
import dev.paperboy.InjectGreenMail;
import dev.paperboy.Mailbox;
import dev.paperboy.People;
import dev.paperboy.Rows;
import dev.paperboy.mail.MailSize;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A digest of 200 papers with 5,000-character abstracts and hostile titles still goes out under Gmail's clipping size,
 * with as many papers as fit, the footer's unsubscribe link, and "N more papers on the web" linking to the digest's
 * page, which shows them all.
 */
@QuarkusTest
class DigestSizeTest {

    private static final int PAPERS = 200;

    @InjectGreenMail
    GreenMail greenMail;

    @Test
    void twoHundredLongPapersAreCutToWhatFitsWithTheRestOnTheWeb() throws Exception {
        String email = People.address("size.cap");
        String tag = People.marker();
        People.subscribe(email, "xenoglossy axolotl");
        List<Map<String, Object>> papers = new ArrayList<>();
        for (int i = 0; i < PAPERS; i++) {
            String title = "Σ≤∞ <&> \"quoted\" 'apos' k<n 😀 \u202Eevil\u202C " + tag + " no" + i + " "
                    + "Ω≈ç√∫ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ".repeat(24);
            String abstractText = ("Δ <b>bold</b> &amp; ≤ ünïcödé 😀 sediment " + i + " ").repeat(5_000 / 40 + 1)
                    .substring(0, 5_000);
            papers.add(Map.of("id", "size-" + tag + "-" + i, "title", title, "abstract", abstractText));
        }
        AdminApi.admin().contentType(ContentType.JSON).body(papers).post("/api/admin/papers")
                .then().statusCode(200).body("errors", org.hamcrest.Matchers.empty()).body("added", org.hamcrest.Matchers.equalTo(PAPERS));

        // a digest that every one of the 200 papers passed into (matching caps a digest far lower: this is the worst case)
        String tokenKey = UUID.randomUUID().toString().replace("-", "");
        // the period the run below serves: the run then finds it decided and only sends it
        Instant at = Instant.now();
        String period = LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
        assertEquals(1, Rows.update("""
                insert into digest (token_key, subscriber_id, period, zone, state, papers_since, papers_until, decided_as_of)
                select ?, id, ?, timezone, 'queued', now() - interval '1 day', now(), now()
                from subscriber where email_key = ?""", tokenKey, period, email.toLowerCase()));
        assertEquals(1, Rows.update("""
                insert into digest_paper_list (digest_id, subscriber_id, paper_ids, scores, reasons, interests, trending)
                select d.id, d.subscriber_id, array_agg(p.id order by p.id), array_agg(2.0::real),
                       array_agg('Matches "sediment"'::text), array_agg(null::text), array_agg(false)
                from digest d, paper p where d.token_key = ? and p.title like ? group by d.id, d.subscriber_id""",
                tokenKey, "%" + tag + " no%"));
        assertEquals(PAPERS, Rows.number("""
                select count(*) from digest_paper dp join digest d on d.id = dp.digest_id where d.token_key = ?""",
                tokenKey));

        AdminApi.forceRun(at);
        Mailbox.Mail mail = new Mailbox(greenMail, email).awaitMail(1);

        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        mail.message().writeTo(raw);
        assertTrue(raw.size() < MailSize.LIMIT, "the message as received weighs " + raw.size() + " bytes");
        assertTrue(raw.size() > MailSize.LIMIT / 2, "cut to what fits, not far below: " + raw.size());

        String text = mail.text().replace("\r\n", "\n");
        int shown = count(Pattern.compile("(?m)^\\d+\\. "), text);
        assertTrue(shown >= 1 && shown < PAPERS, "papers shown: " + shown);
        System.out.printf("DigestSizeTest: %d of %d papers shown, %d bytes as received%n", shown, PAPERS, raw.size());
        String more = (PAPERS - shown) + " more papers on the web";
        assertTrue(text.contains(more + ":\nhttp"), text.substring(Math.max(0, text.length() - 1500)));
        assertTrue(mail.html().contains(">" + more + "</a>"));
        assertTrue(text.contains("Unsubscribe:\nhttp"), "the footer is whole");
        assertTrue(mail.html().contains(">Unsubscribe</a>"));
        assertTrue(mail.subject().contains(PAPERS + " new papers"), mail.subject());
        assertFalse(mail.html().contains("<&>"), "titles are escaped in HTML");

        Matcher link = Pattern.compile(Pattern.quote(more) + ":\nhttps?://[^/\\s]+(/digests/\\S+)").matcher(text);
        assertTrue(link.find());
        String page = RestAssured.given().get(link.group(1)).then().statusCode(200).extract().asString();
        assertEquals(PAPERS, count(Pattern.compile(Pattern.quote(tag) + " no\\d+ "), page), "the page shows every paper");
    }

    private static int count(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
