package dev.paperboy;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    /**
     * Forces a run as of {@code at}, waits until it ends and returns its report; a run that failed fails the test.
     * A run can finish while deciding some subscriber's digest threw: check the test's own digest rows too.
     */
    public static JsonPath forceRun(Instant at) {
        return assertFinished(requestRun(true, at));
    }

    /** Queues a run and returns its id without waiting. */
    public static long requestRun(boolean force, Instant at) {
        return admin().contentType(ContentType.JSON)
                .body("{\"force\": " + force + ", \"at\": \"" + at + "\"}")
                .post("/api/admin/digests/run").then().statusCode(200).extract().jsonPath().getLong("runId");
    }

    /** Waits for the run to end and fails the test unless it finished. */
    public static JsonPath assertFinished(long runId) {
        JsonPath run = waitForRun(runId);
        assertEquals("finished", run.getString("state"), "run " + runId + " did not finish: " + run.prettify());
        return run;
    }

    /** Waits until the run is finished or failed, and returns its report whichever it is. */
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
