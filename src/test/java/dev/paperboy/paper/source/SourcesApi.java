package dev.paperboy.paper.source;

import dev.paperboy.AdminApi;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.fail;

/** The sources' admin API as an operator's script calls it. */
final class SourcesApi {

    private SourcesApi() {
    }

    static Response save(String json) {
        return AdminApi.admin().contentType(ContentType.JSON).body(json).post("/api/admin/sources");
    }

    static JsonPath add(String json) {
        return save(json).then().statusCode(201).extract().jsonPath();
    }

    static Response poll(String name) {
        // a bodiless POST as curl -X POST sends it (RestAssured would otherwise call it a form, which the CSRF filter stops)
        return AdminApi.admin().contentType(ContentType.JSON).post("/api/admin/sources/" + name + "/poll");
    }

    static JsonPath pollOk(String name) {
        return poll(name).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath view(String name) {
        return AdminApi.admin().get("/api/admin/sources/" + name).then().statusCode(200).extract().jsonPath();
    }

    static void delete(String name) {
        AdminApi.admin().delete("/api/admin/sources/" + name);
    }

    /** Waits (up to 60 s) until the source's view satisfies {@code condition}; returns that view. */
    static JsonPath awaitView(String name, Predicate<JsonPath> condition, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonPath view = view(name);
        while (!condition.test(view)) {
            if (Instant.now().isAfter(deadline)) {
                return fail("source " + name + ": " + what + " did not happen within 60 s; now " + view.prettify());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return fail("interrupted");
            }
            view = view(name);
        }
        return view;
    }

    /** A name no other test uses. */
    static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() % 100_000_000L, 36);
    }
}
