package dev.paperboy.matching;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The preview ranks the recent sample papers for one interest and says why each is there. */
@QuarkusTest
class PreviewTest {

    @Test
    void ranksTheRecentWindowForOneInterest() {
        JsonPath preview = RestAssured.given().queryParam("interest", "neural architecture search").queryParam("limit", 5)
                .get("/api/preview").then().statusCode(200).extract().jsonPath();
        List<String> titles = preview.getList("title");
        List<Float> scores = preview.getList("score", Float.class);
        assertFalse(titles.isEmpty());
        assertTrue(titles.size() <= 5);
        assertTrue(titles.get(0).contains("Neural Architecture Search"), titles.toString());
        for (int i = 1; i < scores.size(); i++) {
            assertTrue(scores.get(i - 1) >= scores.get(i), "best first: " + scores);
        }
        assertTrue(preview.getString("[0].why").startsWith("Matches “neural architecture search”"));
    }

    @Test
    void refusesAMissingInterestOrAnOutOfRangeLimit() {
        RestAssured.given().get("/api/preview").then().statusCode(400);
        RestAssured.given().queryParam("interest", "x".repeat(201)).get("/api/preview").then().statusCode(400);
        RestAssured.given().queryParam("interest", "graphs").queryParam("limit", 0).get("/api/preview").then().statusCode(400);
        RestAssured.given().queryParam("interest", "graphs").queryParam("limit", "many").get("/api/preview")
                .then().statusCode(400);
    }
}
