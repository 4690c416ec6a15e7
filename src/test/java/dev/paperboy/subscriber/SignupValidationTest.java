package dev.paperboy.subscriber;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import dev.paperboy.AdminApi;
import dev.paperboy.InjectGreenMail;
import dev.paperboy.Mailbox;
import dev.paperboy.People;
import dev.paperboy.Rows;
import dev.paperboy.Visitor;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sign-up form under bad input and forged posts: a 400 with the field's message, what was typed kept, nothing stored or mailed. */
@QuarkusTest
class SignupValidationTest {

    private static final String EMAIL_ERROR = "Enter a valid email address, like ada@example.org.";
    private static final String NO_INTERESTS = "Add at least one interest, one per line.";
    private static final String HOUR_ERROR = "Choose an hour from 0 to 23.";
    private static final String CADENCE_ERROR = "Choose daily or weekly.";
    private static final String ZONE_ERROR = "Unknown time zone: choose one from the list (for example Europe/Paris).";
    private static final Pattern MARKER = Pattern.compile("marker [0-9a-f]{8}");
    private static final Pattern ERROR_PARAGRAPH = Pattern.compile("<p class=\"error\"( id=\"(\\w+)-error\")?>([^<]*)</p>");

    @InjectGreenMail
    GreenMail greenMail;

    private static String unique(String name) {
        return "signup." + name + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** A good form for this address; its last interest is a unique marker, to find anything stored or mailed from it. */
    private static Map<String, String> form(String email) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("email", email);
        fields.put("interests", "protein folding\nsingle-cell atlases\nmarker " + People.marker());
        fields.put("cadence", "daily");
        fields.put("hour", "7");
        fields.put("timezone", "Europe/Berlin");
        return fields;
    }

    private static Map<String, String> with(Map<String, String> fields, String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(fields);
        changed.put(name, value);
        return changed;
    }

    /** Nothing stored for the form and no mail sent from it: no subscriber at its address or with its marker. */
    private void assertNothingStoredOrMailed(Map<String, String> fields) {
        String email = fields.get("email");
        String interests = fields.getOrDefault("interests", "");
        if (!email.isBlank()) {
            assertEquals(0, Rows.subscribersAt(email), "a refused form stores no subscriber: " + email);
            assertEquals(0, new Mailbox(greenMail, email).messages().size(), "a refused form sends no mail: " + email);
        }
        Matcher marker = MARKER.matcher(interests);
        if (marker.find()) {
            assertEquals(0, Rows.subscribersInterestedIn(marker.group()), "nobody stored with " + marker.group());
            assertFalse(Arrays.stream(greenMail.getReceivedMessages()).anyMatch(m -> GreenMailUtil.getBody(m).contains(marker.group())),
                    "no mail mentions " + marker.group());
        }
    }

    /** Field name to message of every error paragraph on the page ("" for the fields whose paragraph has no id). */
    private static Map<String, String> errorsShown(String html) {
        Map<String, String> shown = new LinkedHashMap<>();
        Matcher m = ERROR_PARAGRAPH.matcher(html);
        while (m.find()) {
            shown.put(m.group(2) == null ? "unnamed:" + m.group(3) : m.group(2), m.group(3));
        }
        return shown;
    }

    /** Posts the form; asserts a 400 with exactly this message next to this field, and that nothing was stored or sent. */
    private String assertRefused(Map<String, String> fields, String field, String message) {
        String html = new Visitor().submit("/", "/subscribe", fields)
                .then().statusCode(400).contentType(ContentType.HTML).extract().asString();
        assertTrue(html.contains("Please fix the fields marked below."), html);
        Map<String, String> shown = errorsShown(html);
        if (field.equals("email") || field.equals("interests")) {
            assertEquals(Map.of(field, message), shown, "the message sits under its field, and only there");
            assertTrue(html.contains("aria-describedby=\"" + field + "-error\""), "the field points at its message");
        } else {
            assertEquals(Map.of("unnamed:" + message, message), shown);
            Pattern nextToField = Pattern.compile("(?s)name=\"" + field + "\"(?:(?!</div>).)*<p class=\"error\">" + Pattern.quote(message));
            assertTrue(nextToField.matcher(html).find(), "the message follows the " + field + " field");
        }
        assertNothingStoredOrMailed(fields);
        return html;
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    @Test
    void invalidAddressesAreRefusedAndShownAgainEscaped() {
        for (String bad : new String[]{"not-an-address", "a@b", "two@@example.org", "x@example.org\r\nBcc: y@example.org",
                "a".repeat(288) + "@example.org", "\"><script>alert(1)</script>@example.org", ""}) {
            Map<String, String> fields = form(bad);
            String html = assertRefused(fields, "email", EMAIL_ERROR);
            assertTrue(html.contains("name=\"email\" value=\"" + escaped(bad) + "\""), "the typed address is kept: " + bad);
            assertFalse(html.contains("<script>alert(1)"), "never raw markup");
            assertTrue(html.contains(">" + fields.get("interests") + "</textarea>"), "the interests are kept");
        }
    }

    /** Quoting or escaping spells an address already known another way: refused with its own message, nothing stored. */
    @Test
    void quotedAndEscapedAddressesAreRefusedWithTheirOwnMessage() {
        String plain = unique("quoted");
        String local = plain.substring(0, plain.indexOf('@'));
        for (String spelled : new String[]{"\"" + local + "\"@example.org", "\"\\" + local + "\"@example.org",
                "s\\" + local.substring(1) + "@example.org"}) {
            String html = assertRefused(form(spelled), "email", EmailAddress.QUOTED);
            assertTrue(html.contains("name=\"email\" value=\"" + escaped(spelled) + "\""), "the typed address is kept");
        }
    }

    @Test
    void missingInterestsAreRefused() {
        String email = unique("nointerests");
        for (String none : new String[]{"", "\n\n", "  \r\n\t\n   "}) {
            String html = assertRefused(with(form(email), "interests", none), "interests", NO_INTERESTS);
            assertTrue(html.contains("value=\"" + email + "\""), "the address is kept");
            assertTrue(html.contains("aria-describedby=\"interests-error\">" + none + "</textarea>"), "the textarea is kept as typed");
        }
    }

    @Test
    void anOverlongInterestIsRefused() {
        String longOne = "l".repeat(201);
        String html = assertRefused(with(form(unique("longinterest")), "interests", "graphs\n" + longOne),
                "interests", "Each interest can have at most 200 characters; one has 201.");
        assertTrue(html.contains(">graphs\n" + longOne + "</textarea>"));
    }

    @Test
    void twentyOneInterestsAreRefused() {
        String interests = IntStream.rangeClosed(1, 21).mapToObj(i -> "topic number " + i).collect(Collectors.joining("\n"));
        String html = assertRefused(with(form(unique("many")), "interests", interests),
                "interests", "At most 20 interests, please; you gave 21.");
        assertTrue(html.contains(">" + interests + "</textarea>"));
    }

    @Test
    void anUnknownZoneIsRefusedAndShownAsTyped() {
        String html = assertRefused(with(form(unique("mars")), "timezone", "Mars/Olympus"), "timezone", ZONE_ERROR);
        assertTrue(html.contains("<option selected>Mars/Olympus</option>"), "the typed zone is kept");
        String hostile = "\"><script>alert(1)</script>";
        html = assertRefused(with(form(unique("zonehtml")), "timezone", hostile), "timezone", ZONE_ERROR);
        assertTrue(html.contains("<option selected>" + escaped(hostile) + "</option>"), "the typed zone comes back escaped");
        assertFalse(html.contains("<script>alert(1)"));
    }

    @Test
    void hoursOutsideTheDayAreRefused() {
        for (String hour : new String[]{"24", "-1", "abc"}) {
            String html = assertRefused(with(form(unique("hour")), "hour", hour), "hour", HOUR_ERROR);
            assertFalse(html.contains(" selected>" + hour + ":00"), "no hour option made up");
        }
    }

    @Test
    void anUnknownCadenceIsRefused() {
        assertRefused(with(form(unique("hourly")), "cadence", "hourly"), "cadence", CADENCE_ERROR);
    }

    @Test
    void everyBadFieldIsMarkedAtOnce() {
        Map<String, String> fields = Map.of("email", "a@b", "interests", "", "cadence", "hourly", "hour", "24", "timezone", "Mars/Olympus");
        String html = new Visitor().submit("/", "/subscribe", fields).then().statusCode(400).extract().asString();
        assertEquals(5, errorsShown(html).size(), html);
        for (String message : new String[]{EMAIL_ERROR, NO_INTERESTS, CADENCE_ERROR, HOUR_ERROR, ZONE_ERROR}) {
            assertTrue(html.contains(message), message);
        }
        assertNothingStoredOrMailed(fields);
    }

    @Test
    void hostileMarkupInInterestsComesBackEscaped() {
        String hostile = "<script>alert(1)</script>\n</textarea><img src=x onerror=alert(2)>";
        String html = assertRefused(with(form("not-an-address"), "interests", hostile),
                "email", EMAIL_ERROR);
        assertTrue(html.contains(escaped(hostile) + "</textarea>"), html);
        assertFalse(html.contains("<script>alert(1)"));
        assertFalse(html.contains("<img src=x"));
        assertFalse(html.contains("</textarea><img"));
    }

    /** Accepted markup is only text: the confirmation mail's HTML part shows it escaped. */
    @Test
    void hostileMarkupInAcceptedInterestsIsEscapedInTheConfirmationMail() {
        String email = unique("markup");
        new Visitor().submit("/", "/subscribe", with(form(email), "interests", "<script>alert(1)</script> robotics"))
                .then().statusCode(200);
        Mailbox.Mail mail = new Mailbox(greenMail, email).awaitMail(1);
        assertTrue(mail.html().contains("&lt;script&gt;alert(1)&lt;/script&gt; robotics"), mail.html());
        assertFalse(mail.html().contains("<script>alert(1)"));
        assertTrue(mail.text().contains("<script>alert(1)</script> robotics"), "the text part shows it as typed");
    }

    @Test
    void aPostWithoutTheCsrfFieldIsRefusedAsExpired() {
        Map<String, String> fields = form(unique("nocsrf"));
        Visitor visitor = new Visitor();
        visitor.open("/").then().statusCode(200);
        String html = visitor.given().contentType(ContentType.URLENC).formParams(fields).post("/subscribe")
                .then().statusCode(400).contentType(ContentType.HTML).extract().asString();
        assertFormExpired(html);
        assertNothingStoredOrMailed(fields);
    }

    @Test
    void aPostWithAWrongCsrfValueIsRefusedAsExpired() {
        Map<String, String> fields = form(unique("wrongcsrf"));
        Visitor visitor = new Visitor();
        visitor.open("/").then().statusCode(200);
        String html = visitor.given().contentType(ContentType.URLENC).formParams(fields)
                .formParam("csrf", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").post("/subscribe")
                .then().statusCode(400).contentType(ContentType.HTML).extract().asString();
        assertFormExpired(html);
        assertNothingStoredOrMailed(fields);
    }

    /** Another site's page posting a field value it copied, without the visitor's cookie. */
    @Test
    void aCopiedCsrfValueWithoutItsCookieIsRefused() {
        Map<String, String> fields = form(unique("crosssite"));
        String page = new Visitor().open("/").then().statusCode(200).extract().asString();
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(csrf.find());
        String html = RestAssured.given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParams(fields).formParam("csrf", csrf.group(1)).post("/subscribe")
                .then().statusCode(400).extract().asString();
        assertFormExpired(html);
        assertNothingStoredOrMailed(fields);
    }

    /** A form sent with a Content-Type that does not parse: refused as the client's mistake, nothing stored. */
    @Test
    void aFormWithAMalformedContentTypeIsAClientError() {
        String email = unique("ctype");
        Visitor visitor = new Visitor();
        visitor.open("/").then().statusCode(200);
        Response response = visitor.given().header("Content-Type", "form, please")
                .body(("email=" + email + "&interests=x").getBytes(StandardCharsets.UTF_8))
                .post("/subscribe");
        assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, "got " + response.statusCode());
        RestAssured.given().header("Content-Type", "x").get("/").then().statusCode(200);
        assertNothingStoredOrMailed(Map.of("email", email));
    }

    private static void assertFormExpired(String html) {
        assertTrue(html.contains("This form has expired"), html);
        assertTrue(html.contains("<a href=\"/\">"), "links back to the form");
        assertTrue(html.contains("Nothing was changed."));
    }

    /** The page does not tell whether an address is known; the mail tells its owner. */
    @Test
    void aNewAndAnActiveAddressGetTheSamePageButDifferentMails() {
        String fresh = unique("fresh");
        String known = unique("known");
        AdminApi.admin().contentType(ContentType.JSON)
                .body("[{\"email\": \"" + known + "\", \"interests\": [\"coral reefs\"], \"hour\": \"9\"}]")
                .post("/api/admin/subscribers").then().statusCode(200).body("added", equalTo(1));

        Response forFresh = new Visitor().submit("/", "/subscribe", form(fresh));
        Response forKnown = new Visitor().submit("/", "/subscribe", with(form(known.toUpperCase()), "interests", "volcanoes"));
        forFresh.then().statusCode(200);
        forKnown.then().statusCode(200);
        String freshPage = forFresh.asString();
        String knownPage = forKnown.asString();
        assertTrue(freshPage.contains("Check your inbox"));
        assertEquals(freshPage.replace(fresh, "ADDRESS"), knownPage.replace(known.toUpperCase(), "ADDRESS"),
                "the answer is the same page");

        assertEquals(Optional.of("pending"), Rows.subscriberState(fresh), "the new address waits for confirmation");
        assertEquals(Optional.of("active"), Rows.subscriberState(known), "the known one is left as it was");

        Mailbox.Mail confirm = new Mailbox(greenMail, fresh).awaitMail(1);
        assertEquals("Confirm your Paperboy subscription", confirm.subject());
        Mailbox knownBox = new Mailbox(greenMail, known);
        Mailbox.Mail already = knownBox.awaitMail(1);
        assertEquals("You are already subscribed to Paperboy", already.subject());
        assertFalse(already.text().contains("/confirm/"), "no confirmation link for an active subscriber");
        assertEquals(1, knownBox.messages().size());

        String preferences = already.linkPath("/preferences/");
        String page = RestAssured.given().get(preferences).then().statusCode(200).extract().asString();
        assertTrue(page.contains(">coral reefs</textarea>"), "a sign-up does not change an active subscription");
        assertFalse(page.contains("volcanoes"));
    }

    @Test
    void signingUpAgainWhilePendingStoresNoSecondSubscriber() {
        String email = unique("again");
        new Visitor().submit("/", "/subscribe", form(email)).then().statusCode(200);
        new Visitor().submit("/", "/subscribe", with(form(email), "interests", "tidal energy")).then().statusCode(200);
        assertEquals(1, Rows.subscribersAt(email));
        assertEquals(Optional.of("pending"), Rows.subscriberState(email));
        Mailbox mailbox = new Mailbox(greenMail, email);
        mailbox.awaitMail(2);
        // the two queued mails may arrive in either order
        List<Mailbox.Mail> mails = mailbox.messages().stream().map(Mailbox.Mail::new).toList();
        mails.forEach(mail -> assertEquals("Confirm your Paperboy subscription", mail.subject()));
        assertTrue(mails.stream().anyMatch(mail -> mail.text().contains("tidal energy")),
                "the newest choices are the ones to confirm");
    }

    /** Nobody can use the form to flood an address: a few mails an hour, then the same page and no mail. */
    @Test
    void theFormMailsOneAddressAtMostThreeTimesAnHour() throws InterruptedException {
        String email = unique("flood");
        for (int i = 0; i < 5; i++) {
            new Visitor().submit("/", "/subscribe", form(email)).then().statusCode(200)
                    .body(org.hamcrest.Matchers.containsString("Check your inbox"));
        }
        Mailbox mailbox = new Mailbox(greenMail, email);
        mailbox.awaitMail(3);
        Thread.sleep(1000);
        assertEquals(3, mailbox.messages().size());
    }
}
