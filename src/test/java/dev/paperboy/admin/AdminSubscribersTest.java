package dev.paperboy.admin;

import dev.paperboy.AdminApi;
import dev.paperboy.subscriber.Subscriber;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operator finds a subscriber by any part of their address and pauses, unsubscribes or deletes exactly them. */
@QuarkusTest
class AdminSubscribersTest {

    private static String marker() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void searchFindsAnyPartOfTheAddressInAnyCaseTheExactOneFirst() {
        String m = marker();
        String ada = "ada." + m + "@example.org";
        String adaUk = ada + ".uk";
        String aada = "aada." + m + "@example.org";
        Operator.importActive("kelp forests", adaUk, ada, aada, "grace." + m + "@example.org");
        Operator operator = Operator.signedIn();

        String page = operator.open("/admin/subscribers?q=ADA." + m.toUpperCase()).then().statusCode(200).extract().asString();
        for (String found : List.of(ada, adaUk, aada)) {
            assertTrue(page.contains(">" + found + "<"), found + " is found:\n" + page);
        }
        assertFalse(page.contains("grace." + m), page);
        page = operator.open("/admin/subscribers?q=" + ada.toUpperCase()).asString();
        assertTrue(page.indexOf(">" + ada + "<") < page.indexOf(">" + aada + "<")
                && page.indexOf(">" + ada + "<") < page.indexOf(">" + adaUk + "<"), "the exact address comes first:\n" + page);

        page = operator.open("/admin/subscribers?q=" + m.substring(0, 4) + "%25").asString();
        assertTrue(page.contains("No subscriber"), "% is a character to find, not a wildcard");
        page = operator.open("/admin/subscribers?q=ad_." + m).asString();
        assertTrue(page.contains("No subscriber") && !page.contains(ada), "_ is a character to find, not a wildcard");
        assertEquals(400, operator.open("/admin/subscribers?q=" + "x".repeat(300)).statusCode());
    }

    @Test
    void aSearchMatchingMoreThanAPageIsPagedToTheLastAddressEachOnce() {
        String m = marker();
        List<String> emails = new java.util.ArrayList<>();
        for (int i = 0; i < 120; i++) {
            emails.add(String.format("p%03d.%s@example.org", i, m));
        }
        String exact = emails.get(77);
        Operator.importActive("kelp forests", emails.toArray(String[]::new));
        Operator operator = Operator.signedIn();

        List<String> seen = new java.util.ArrayList<>();
        String path = "/admin/subscribers?q=" + exact.toUpperCase();
        String page = operator.open(path).then().statusCode(200).extract().asString();
        assertTrue(page.contains("1 address contains"), page);
        path = "/admin/subscribers?q=" + m;
        java.util.regex.Pattern row = java.util.regex.Pattern.compile("<a href=\"/admin/subscribers/\\d+\">([^<]+)</a>");
        java.util.regex.Pattern next = java.util.regex.Pattern.compile("href=\"(/admin/subscribers\\?q=[^\"]+&amp;after=[^\"]+)\" rel=\"next\"");
        for (int pages = 0; path != null; pages++) {
            assertTrue(pages < 3, "three pages hold 120 addresses: " + seen.size() + " so far");
            page = operator.open(path).then().statusCode(200).extract().asString();
            assertTrue(page.contains("of the 120 addresses"), page);
            java.util.regex.Matcher rows = row.matcher(page);
            while (rows.find()) {
                seen.add(rows.group(1));
            }
            java.util.regex.Matcher link = next.matcher(page);
            // RestAssured encodes the path's query again: hand it the decoded one, as a browser sends the encoded one
            path = link.find() ? java.net.URLDecoder.decode(link.group(1).replace("&amp;", "&"),
                    java.nio.charset.StandardCharsets.UTF_8) : null;
        }
        assertEquals(emails, seen, "every address once, in order");
    }

    @Test
    void aSubscribersPageShowsStateChoicesAndDigests() {
        String email = Operator.address("detail");
        String m = marker();
        Operator.importActive("narwhal tusk sensing " + m, email);
        AdminApi.importPapers("[{\"title\": \"Narwhal tusk sensing " + m + "\", \"abstract\": \"Narwhal tusk sensing in arctic water "
                + m + ".\"}]");
        AdminApi.forceRun(Instant.now());
        String page = Operator.signedIn().open("/admin/subscribers/" + Operator.id(email)).then().statusCode(200)
                .extract().asString();
        for (String shown : List.of(email, "active", "narwhal tusk sensing " + m, "daily", "UTC", "sent", "Pause…",
                "Unsubscribe…", "Delete…")) {
            assertTrue(page.contains(shown), shown + " is shown:\n" + page);
        }
    }

    @Test
    void eachActionIsAskedFirstAndChangesExactlyThatSubscriber() {
        String m = marker();
        String target = "target." + m + "@example.org";
        String neighbour = "target." + m + "@example.org.uk";
        Operator.importActive("kelp forests", target, neighbour);
        long id = Operator.id(target);
        Operator operator = Operator.signedIn();

        String ask = operator.open("/admin/subscribers/" + id + "/pause").then().statusCode(200).extract().asString();
        assertTrue(ask.contains("Pause " + target + "?"), ask);
        assertEquals(Subscriber.State.active, Operator.state(target), "asking changes nothing");

        act(operator, id, "pause");
        assertEquals(Subscriber.State.paused, Operator.state(target));
        assertEquals(Subscriber.State.active, Operator.state(neighbour));
        assertEquals(409, operator.submit("/admin/subscribers/" + id + "/unsubscribe",
                "/admin/subscribers/" + id + "/pause", Map.of()).statusCode(), "a paused subscriber is not paused again");

        act(operator, id, "unsubscribe");
        Subscriber left = Operator.subscriber(target).orElseThrow();
        assertEquals(Subscriber.State.unsubscribed, left.state);
        assertTrue(left.unsubscribedAt != null);
        assertEquals(Subscriber.State.active, Operator.state(neighbour));

        act(operator, id, "delete");
        assertTrue(Operator.subscriber(target).isEmpty());
        assertEquals(Subscriber.State.active, Operator.state(neighbour));
        assertEquals(404, operator.open("/admin/subscribers/" + id).statusCode());
        assertEquals(404, operator.open("/admin/subscribers/" + id + "/nonsense").statusCode());
    }

    /** Deleting leaves no row about them and their address nowhere in the database, digests included. */
    @Test
    void deleteLeavesTheAddressNowhereInTheDatabase() {
        String email = Operator.address("forget");
        String m = marker();
        Operator.importActive("walrus haul-out " + m, email);
        AdminApi.importPapers("[{\"title\": \"Walrus haul-out " + m + "\", \"abstract\": \"Walrus haul-out sites " + m + ".\"}]");
        AdminApi.forceRun(Instant.now());
        long id = Operator.id(email);
        assertTrue(rows("select count(*) from digest_paper where subscriber_id = " + id) > 0, "they got a digest");

        Operator operator = Operator.signedIn();
        Response done = act(operator, id, "delete");
        assertTrue(done.header("Location").endsWith("/admin/subscribers?deleted=1"));
        assertTrue(operator.open(done.header("Location")).asString().contains("every row about them is gone"));
        assertEquals(0, rows("select count(*) from digest where subscriber_id = " + id));
        assertEquals(0, rows("select count(*) from digest_paper where subscriber_id = " + id));
        assertEquals(List.of(), placesHolding(email));
    }

    private static Response act(Operator operator, long id, String action) {
        Response response = operator.submit("/admin/subscribers/" + id + "/" + action,
                "/admin/subscribers/" + id + "/" + action, Map.of());
        assertEquals(303, response.statusCode(), action + ": " + response.asString());
        return response;
    }

    private static long rows(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Subscriber.getEntityManager()
                .createNativeQuery(sql).getSingleResult()).longValue());
    }

    /** Every text column of every table that holds the text, as table.column. */
    @SuppressWarnings("unchecked")
    private static List<String> placesHolding(String text) {
        return QuarkusTransaction.requiringNew().call(() -> {
            EntityManager em = Subscriber.getEntityManager();
            List<Object[]> columns = em.createNativeQuery("""
                    select table_name, column_name, data_type from information_schema.columns
                    where table_schema = 'public' and data_type in ('text', 'character varying', 'ARRAY', 'bytea')""")
                    .getResultList();
            return columns.stream().filter(c -> {
                String column = "\"" + c[1] + "\"";
                String holds = "bytea".equals(c[2]) ? "position(convert_to(?1, 'UTF8') in " + column + ") > 0"
                        : "position(lower(?1) in lower(" + column + "::text)) > 0";
                return ((Number) em.createNativeQuery("select count(*) from \"" + c[0] + "\" where " + holds)
                        .setParameter(1, text).getSingleResult()).longValue() > 0;
            }).map(c -> c[0] + "." + c[1]).toList();
        });
    }
}
