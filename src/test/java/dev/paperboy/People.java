package dev.paperboy;

import io.restassured.http.ContentType;

import java.util.UUID;

/** Unique addresses and markers, so each test finds its own subscribers, papers and mails among everyone's. */
public final class People {

    private People() {
    }

    /** A fresh address no other test uses: {@code name.1a2b3c4d@example.org}. */
    public static String address(String name) {
        return name + "." + marker() + "@example.org";
    }

    /** Eight random letters and digits. */
    public static String marker() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    /** Imports one active subscriber through the admin API (confirmed now), with these choices. */
    public static void subscribe(String email, String interest, String cadence, int hour, String timezone) {
        AdminApi.admin().contentType(ContentType.JSON)
                .body("[{\"email\": \"%s\", \"interests\": [\"%s\"], \"cadence\": \"%s\", \"hour\": %d, \"timezone\": \"%s\"}]"
                        .formatted(email, interest, cadence, hour, timezone))
                .post("/api/admin/subscribers").then().statusCode(200)
                .body("added", org.hamcrest.Matchers.equalTo(1));
    }

    /** A daily subscriber at 8:00 UTC. */
    public static void subscribe(String email, String interest) {
        subscribe(email, interest, "daily", 8, "UTC");
    }
}
