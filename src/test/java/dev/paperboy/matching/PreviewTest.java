package dev.paperboy.matching;

import dev.paperboy.AdminApi;
import dev.paperboy.People;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        List<String> titles = preview.getList("title");
        assertEquals(List.of(word + " growth in aluminium alloys", "Alloy phases under pressure"), titles.subList(0, 2),
                "both words in the title first, then in the abstract");
        assertTrue(titles.size() == 2 || titles.get(2).equals(word + " tilings"),
                "a paper with one of the two words comes after them, if at all: " + titles);
        List<Float> scores = preview.getList("score", Float.class);
        assertTrue(scores.get(0) > scores.get(1), "best first: " + scores);
        assertTrue(preview.getString("[0].why").startsWith("Matches “" + word + " growth”: " + word + ", growth in the title"),
                preview.getString("[0].why"));
    }

    /** Where the list of a digest ends: its papers first, then the next best up to the limit, marked as not in it. */
    @Test
    void afterTheDigestsPapersComeTheNextBestMarkedNotInTheDigest() {
        String word = "zeolite" + People.marker();
        AdminApi.importPapers("""
                [{"title": "%1$s catalysis at scale", "abstract": "We study %1$s catalysis in industrial reactors."},
                 {"title": "Catalysis without %1$s", "abstract": "Industrial reactors and their catalysts."}]"""
                .formatted(word));
        JsonPath preview = RestAssured.given().queryParam("interest", "\"" + word + " catalysis\"")
                .queryParam("limit", 8).get("/api/preview").then().statusCode(200).extract().jsonPath();
        List<Boolean> inDigest = preview.getList("inDigest", Boolean.class);
        List<String> titles = preview.getList("title");
        assertEquals(8, titles.size(), "filled up to the limit: " + titles);
        assertEquals(word + " catalysis at scale", titles.get(0));
        assertTrue(inDigest.get(0), "the phrase's paper is in the digest");
        int firstOut = inDigest.indexOf(false);
        assertTrue(firstOut > 0, "the next best come after the digest's papers: " + inDigest);
        assertFalse(inDigest.subList(firstOut, inDigest.size()).contains(true), "digest papers first: " + inDigest);
    }

    @Test
    void marksTheMatchedWordsAndBringsPapersThatSayItInOtherWords() {
        JsonPath preview = RestAssured.given().queryParam("interest", "hypernetworks").queryParam("limit", 10)
                .get("/api/preview").then().statusCode(200).extract().jsonPath();
        assertTrue(preview.getString("[0].titleHtml").contains("<mark>Hypernetwork"), preview.getString("[0].titleHtml"));
        assertTrue(preview.getString("[0].snippetHtml").contains("<mark>"), preview.getString("[0].snippetHtml"));
        assertFalse(preview.getString("[0].snippet").contains("<mark>"));

        JsonPath meaning = RestAssured.given()
                .queryParam("interest", "networks that generate the weights of another network").get("/api/preview")
                .then().statusCode(200).extract().jsonPath();
        assertTrue(meaning.getList("title").contains("A Brief Review of Hypernetworks in Deep Learning"),
                meaning.getList("title").toString());
    }

    @Test
    void refusesAnInterestTheLanguageRefusesSayingWhere() {
        RestAssured.given().queryParam("interest", "graphs AND").get("/api/preview").then().statusCode(400)
                .body("error", org.hamcrest.Matchers.startsWith("The interest ends too early"))
                .body("position", org.hamcrest.Matchers.equalTo(8));
        RestAssured.given().queryParam("interest", "NOT vision").get("/api/preview").then().statusCode(400)
                .body("position", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void refusesAMissingInterestOrAnOutOfRangeLimit() {
        RestAssured.given().get("/api/preview").then().statusCode(400);
        RestAssured.given().queryParam("interest", "x".repeat(201)).get("/api/preview").then().statusCode(400);
        RestAssured.given().queryParam("interest", "graphs").queryParam("limit", 0).get("/api/preview").then().statusCode(400);
        RestAssured.given().queryParam("interest", "graphs").queryParam("limit", 51).get("/api/preview").then().statusCode(400);
        RestAssured.given().queryParam("interest", "graphs").queryParam("limit", "many").get("/api/preview")
                .then().statusCode(400);
    }
}
