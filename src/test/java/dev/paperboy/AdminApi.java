package dev.paperboy;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.fail;

/** The admin API as an operator's script uses it. */
public final class AdminApi {

    public static final String TOKEN = "test-admin-token-0123456789abcdef";

    private AdminApi() {
    }

    public static RequestSpecification admin() {
        return RestAssured.given().header("Authorization", "Bearer " + TOKEN);
    }

    public static JsonPath importPapers(String json) {
        return admin().contentType(ContentType.JSON).body(json).post("/api/admin/papers")
                .then().statusCode(200).extract().jsonPath();
    }

    /** Forces a run as of {@code at} and waits until it is finished; returns its report. */
    public static JsonPath forceRun(Instant at) {
        long runId = admin().contentType(ContentType.JSON)
                .body("{\"force\": true, \"at\": \"" + at + "\"}")
                .post("/api/admin/digests/run").then().statusCode(200).extract().jsonPath().getLong("runId");
        return waitForRun(runId);
    }

    public static JsonPath waitForRun(long runId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonPath run = admin().get("/api/admin/runs/" + runId).then().statusCode(200).extract().jsonPath();
            String state = run.getString("state");
            if ("finished".equals(state) || "failed".equals(state)) {
                return run;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fail("run " + runId + " did not finish within 60 s");
    }

    public static JsonPath stats() {
        return admin().get("/api/admin/stats").then().statusCode(200).extract().jsonPath();
    }
}
