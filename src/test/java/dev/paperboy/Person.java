package dev.paperboy;

import com.icegreen.greenmail.util.GreenMail;
import io.restassured.RestAssured;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A person who signed up through the form, and the paths of their links (null where they have none yet). */
public record Person(String email, String confirm, String preferences, String unsubscribe, String feed) {

    /** The form's choices besides the address. */
    public static Map<String, String> choices(String interests) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("interests", interests);
        fields.put("cadence", "daily");
        fields.put("hour", "6");
        fields.put("timezone", "Europe/Lisbon");
        return fields;
    }

    /** Signs {@code email} up on the form and waits for the confirmation mail. */
    public static Person pending(GreenMail greenMail, String email, String interests) {
        Map<String, String> fields = new LinkedHashMap<>(choices(interests));
        fields.put("email", email);
        new Visitor().submit("/", "/subscribe", fields).then().statusCode(200);
        String confirm = new Mailbox(greenMail, email).awaitMail(1).linkPath("/confirm/");
        return new Person(email, confirm, null, null, null);
    }

    /** Signs up and confirms; the links come from the pages a person sees. */
    public static Person active(GreenMail greenMail, String email, String interests) {
        Person person = pending(greenMail, email, interests);
        String confirmed = new Visitor().submit(person.confirm(), person.confirm(), Map.of())
                .then().statusCode(200).extract().asString();
        String preferences = linkIn(confirmed, "/preferences/");
        String page = RestAssured.given().get(preferences).then().statusCode(200).extract().asString();
        return new Person(person.email(), person.confirm(), preferences, linkIn(page, "/unsubscribe/"),
                linkIn(page, "/feed/"));
    }

    /** The path of the first link in {@code html} whose path starts with {@code prefix}. */
    public static String linkIn(String html, String prefix) {
        Matcher m = Pattern.compile("href=\"https?://[^/\"]+(" + Pattern.quote(prefix) + "[^\"]+)\"").matcher(html);
        assertTrue(m.find(), "no " + prefix + " link in " + html);
        return m.group(1);
    }

    /** The token of one of this person's link paths. */
    public String token(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
