package dev.paperboy.subscriber;

import dev.paperboy.AdminApi;
import dev.paperboy.People;
import dev.paperboy.Rows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An operator moves a list of thousands in with one request: written a chunk per transaction, with every entry
 * checked as the form checks it, duplicates across chunks recognized, and the answer in its usual shape.
 */
@QuarkusTest
class BulkSubscriberImportTest {

    @Test
    void aListOfThousandsGoesInAcrossChunksAndSaysWhatItDidWithEachEntry() {
        String m = People.marker();
        String known = "bulk.known." + m + "@example.org";
        AdminApi.admin().contentType(ContentType.JSON).body("[{\"email\": \"" + known + "\", \"interests\": [\"moss\"]}]")
                .post("/api/admin/subscribers").then().statusCode(200);
        int count = SubscriberImport.CHUNK * 2 + 500;
        StringBuilder list = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            list.append(i == 0 ? "" : ",").append("{\"email\": \"bulk.").append(i).append('.').append(m)
                    .append("@example.org\", \"interests\": [\"lichen ").append(i).append("\", \"fern spores ").append(m).append("\"],")
                    .append(" \"cadence\": \"").append(i % 2 == 0 ? "daily" : "weekly").append("\", \"hour\": ")
                    .append(i % 24).append(", \"timezone\": \"Asia/Tokyo\"}");
        }
        list.append(", {\"email\": \"BULK.7.").append(m).append("@EXAMPLE.ORG\", \"interests\": [\"again\"]}")  // twice
                .append(", {\"email\": \"").append(known.toUpperCase()).append("\", \"interests\": [\"x\"]}")     // known
                .append(", {\"email\": \"bulk.zone.").append(m).append("@example.org\", \"interests\": [\"x\"],")
                .append(" \"timezone\": \"Mars/Olympus\"}")
                .append(", {\"email\": \"\\\"bulk\\\".").append(m).append("@example.org\", \"interests\": [\"x\"]}]");
        try {
            JsonPath result = AdminApi.admin().contentType(ContentType.JSON).body(list.toString())
                    .post("/api/admin/subscribers").then().statusCode(200).extract().jsonPath();
            assertEquals(List.of(count + 4, count, 2, 2), List.of(result.getInt("received"), result.getInt("added"),
                    result.getInt("duplicates"), result.getInt("rejected")), result.prettify());
            List<String> errors = result.getList("errors", String.class);
            assertTrue(errors.get(0).startsWith("subscriber " + (count + 3) + ": ")
                    && errors.get(0).contains("Unknown time zone"), errors.toString());
            assertTrue(errors.get(1).startsWith("subscriber " + (count + 4) + ": ")
                    && errors.get(1).contains("quoted"), errors.toString());

            for (int i : new int[]{0, SubscriberImport.CHUNK, count - 1}) {
                String email = "bulk." + i + "." + m + "@example.org";
                assertEquals(Optional.of("active"), Rows.subscriberState(email), email);
            }
            assertEquals(count, Rows.subscribersInterestedIn("fern spores " + m), "every entry stored once");
            assertEquals(1, Rows.subscribersInterestedIn("lichen " + (count - 1) + "\nfern spores " + m),
                    "interests kept in their order");
            assertEquals(1, Rows.subscribersAt("bulk.7." + m + "@example.org"));
            assertEquals(1, Rows.subscribersInterestedIn("lichen 7\nfern spores " + m),
                    "the first of two entries for one address wins");
        } finally {
            // these thousands follow nothing of the other tests; they leave, so other tests' runs do not plan them
            Rows.update("update subscriber set state = 'unsubscribed' where email like ?", "bulk.%." + m + "@example.org");
        }
    }

    /**
     * A list of a chunk or more leaves the subscribers' tables analysed at once: a run right after it plans its reads
     * of a batch's subscribers from their statistics, not blind (a scan of every active subscriber for each batch).
     */
    @Test
    void aListOfAChunkOrMoreLeavesTheSubscribersAnalysed() throws InterruptedException {
        String m = People.marker();
        long before = analysed("subscriber");
        long lookBefore = analysed("subscriber_look");
        StringBuilder list = new StringBuilder("[");
        for (int i = 0; i < SubscriberImport.CHUNK; i++) {
            list.append(i == 0 ? "" : ",").append("{\"email\": \"stats.").append(i).append('.').append(m)
                    .append("@example.org\", \"interests\": [\"peat ").append(m).append("\"]}");
        }
        try {
            AdminApi.admin().contentType(ContentType.JSON).body(list.append(']').toString())
                    .post("/api/admin/subscribers").then().statusCode(200);
            for (int i = 0; i < 50 && (analysed("subscriber") == before || analysed("subscriber_look") == lookBefore); i++) {
                Thread.sleep(100); // the statistics collector's view lags the analyze by up to half a second
            }
            assertTrue(analysed("subscriber") > before, "subscriber analysed by the import");
            assertTrue(analysed("subscriber_look") > lookBefore, "subscriber_look analysed by the import");
        } finally {
            Rows.update("update subscriber set state = 'unsubscribed' where email like ?", "stats.%." + m + "@example.org");
        }
    }

    private static long analysed(String table) {
        return Rows.number("select analyze_count from pg_stat_user_tables where relname = ?", table);
    }
}
