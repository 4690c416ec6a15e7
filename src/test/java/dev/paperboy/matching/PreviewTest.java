package dev.paperboy.matching;

import dev.paperboy.AdminApi;
import dev.paperboy.People;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The preview ranks the recent papers for one interest and says why each is there. */
@QuarkusTest
class PreviewTest {

    /** Papers of the test's own (made-up) word, so no other test's paper can rank among them. */
    @Test
    void ranksTheRecentWindowForOneInterest() {
        String word = "quasicrystal" + People.marker();
        AdminApi.importPapers("""
                [{"title": "%1$s growth in aluminium alloys", "abstract": "We grow %1$s samples in aluminium alloys."},
                 {"title": "Alloy phases under pressure", "abstract": "Among the phases, a %1$s growth regime appears."},
                 {"title": "%1$s tilings", "abstract": "Penrose tilings, no crystals grown here."}]""".formatted(word));
        JsonPath preview = RestAssured.given().queryParam("interest", word + " growth").queryParam("limit", 5)
                .get("/api/preview").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(word + " growth in aluminium alloys", "Alloy phases under pressure"), preview.getList("title"),
                "both words in the title first, then in the abstract; a paper with one of two words is left out");
        List<Float> scores = preview.getList("score", Float.class);
        assertTrue(scores.get(0) > scores.get(1), "best first: " + scores);
        assertTrue(preview.getString("[0].why").startsWith("Matches “" + word + " growth”: " + word + ", growth in the title"),
                preview.getString("[0].why"));
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
