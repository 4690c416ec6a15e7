package dev.paperboy.subscriber;

import com.icegreen.greenmail.util.GreenMail;
import dev.paperboy.AdminApi;
import dev.paperboy.InjectGreenMail;
import dev.paperboy.Mailbox;
import dev.paperboy.People;
import dev.paperboy.Person;
import dev.paperboy.Visitor;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Download my data" holds everything about a subscriber; "delete me" leaves nothing of them in the database. */
@QuarkusTest
class SubscriberPrivacyTest {

    private static final String INTEREST = "narwhal tusk sensing";

    @InjectGreenMail
    GreenMail greenMail;

    @Inject
    EntityManager entityManager;

    @Inject
    SignupMailQueue queue;

    /** An active subscriber who has had one digest (its paper's title ends in {@code tag}), and the digest's path. */
    private record Reader(Person person, long id, String digestPath, String tag, long run) {
    }

    private Reader readerWithADigest(String kind) {
        Person person = Person.active(greenMail, People.address(kind), INTEREST);
        String tag = UUID.randomUUID().toString();
        AdminApi.importPapers("""
                [{"id": "%s", "title": "Narwhal tusk sensing of salinity %s",
                  "abstract": "Narwhals sense salinity with their tusk: narwhal tusk sensing."}]""".formatted(tag, tag));
        JsonPath run = AdminApi.forceRun(Instant.now());
        assertTrue(run.getLong("sent") >= 1);
        String digestPath = new Mailbox(greenMail, person.email()).awaitMail(2).linkPath("/digests/");
        long id = QuarkusTransaction.requiringNew().call(() -> Subscriber.byEmail(person.email()).orElseThrow().id);
        return new Reader(person, id, digestPath, tag, run.getLong("id"));
    }

    @Test
    void theExportHoldsTheAddressChoicesDatesAndEveryDigestWithItsPapers() {
        Reader reader = readerWithADigest("export");
        String page = RestAssured.given().get(reader.person().preferences()).then().statusCode(200).extract().asString();
        String dataPath = Person.linkIn(page, "/preferences/").replaceAll("/preferences/([^/\"]+).*", "/preferences/$1") + "/data";
        assertTrue(page.contains(dataPath), "the preferences page links to the export: " + dataPath);

        Response download = RestAssured.given().get(dataPath);
        assertEquals(200, download.statusCode());
        assertTrue(download.contentType().startsWith("application/json"));
        assertTrue(download.header("Content-Disposition").startsWith("attachment"));
        assertEquals("no-store", download.header("Cache-Control"));
        JsonPath data = download.jsonPath();
        assertEquals(reader.person().email(), data.getString("subscription.email"));
        assertEquals("active", data.getString("subscription.state"));
        assertEquals(List.of(INTEREST), data.getList("subscription.interests"));
        assertEquals("Europe/Lisbon", data.getString("subscription.timezone"));
        assertTrue(data.getString("subscription.signedUpAt") != null && data.getString("subscription.confirmedAt") != null);
        assertEquals("sent", data.getString("digests[0].state"));
        List<String> titles = data.getList("digests[0].papers.title", String.class);
        assertTrue(titles.stream().anyMatch(t -> t.endsWith(reader.tag())), titles.toString());
        assertTrue(data.getString("digests[0].papers[0].why").contains(INTEREST));
        assertFalse(download.asString().contains(reader.person().token(reader.person().preferences()).split("\\.")[0]),
                "the key of the links is a secret, not exported");
    }

    @Test
    void deletingLeavesTheAddressNowhereInTheDatabaseAndEveryLinkLeadsNowhere() {
        Reader reader = readerWithADigest("delete");
        Person person = reader.person();
        String deletePath = person.preferences() + "/delete";
        queue.retry(reader.id(), SubscriptionService.SignupOutcome.ALREADY_SUBSCRIBED, SignupMailQueue.MAX_ATTEMPTS);
        assertFalse(queue.queued(reader.id()).isEmpty(), "a sign-up mail waits in Quartz");
        assertTrue(occurrences(person.email()).size() > 0, "the search finds the address while it is there");

        String ask = RestAssured.given().get(deletePath).then().statusCode(200).extract().asString();
        assertTrue(ask.contains("Delete everything about you?"), ask);
        assertEquals(1L, subscriberRows(reader.id()), "asking deletes nothing");
        String done = new Visitor().submit(deletePath, deletePath, Map.of()).then().statusCode(200).extract().asString();
        assertTrue(done.contains("Everything about you is deleted"), done);

        assertEquals(List.of(), occurrences(person.email()), "the address is nowhere in the database");
        assertEquals(List.of(), rowsReferring(reader.id()), "no row refers to the subscriber");
        assertEquals(List.of(), queue.queued(reader.id()), "no queued mail for them");
        for (String path : List.of(person.preferences(), person.unsubscribe(), person.confirm(), reader.digestPath(),
                person.preferences() + "/data", deletePath)) {
            assertEquals(404, RestAssured.given().get(path).statusCode(), path);
        }
        assertEquals(404, RestAssured.given().contentType("application/x-www-form-urlencoded")
                .body("List-Unsubscribe=One-Click").post(person.unsubscribe()).statusCode());
    }

    /** A run happened: its figures (no personal data in them) stay when a reader it served deletes themselves. */
    @Test
    void aPastRunKeepsItsFiguresWhenAReaderItServedDeletesThemselves() {
        Reader reader = readerWithADigest("run-figures");
        Visitor operator = new Visitor();
        assertEquals(303, operator.submit("/admin/login", "/admin/login", Map.of("token", AdminApi.TOKEN)).statusCode());
        Map<String, Object> before = AdminApi.admin().get("/api/admin/runs/" + reader.run()).then().statusCode(200)
                .extract().jsonPath().getMap("");
        List<String> shownBefore = consoleRow(operator, reader.run());
        assertTrue((Integer) before.get("sent") >= 1 && (Integer) before.get("due") >= 1, before.toString());

        String deletePath = reader.person().preferences() + "/delete";
        new Visitor().submit(deletePath, deletePath, Map.of()).then().statusCode(200);
        assertEquals(List.of(), occurrences(reader.person().email()), "the address is nowhere in the database");

        Map<String, Object> after = AdminApi.admin().get("/api/admin/runs/" + reader.run()).then().statusCode(200)
                .extract().jsonPath().getMap("");
        for (String figure : List.of("state", "due", "sent", "skippedEmpty", "failed", "retrying", "pending", "cancelled")) {
            assertEquals(before.get(figure), after.get(figure), figure + " of run " + reader.run());
        }
        assertEquals(shownBefore, consoleRow(operator, reader.run()), "the console's row of the run");
    }

    /** The console's figures of one run (due, sent, retrying, failed, waiting, empty) as the dashboard shows them. */
    private static List<String> consoleRow(Visitor operator, long run) {
        String page = operator.open("/admin").then().statusCode(200).extract().asString();
        int row = page.indexOf("id=\"run-" + run + "\"");
        assertTrue(row >= 0, "run " + run + " is on the dashboard");
        String cells = page.substring(row, page.indexOf("</tr>", row));
        List<String> figures = new ArrayList<>();
        Matcher figure = Pattern.compile("data-field=\"(due|sent|retrying|failed|pending|skippedEmpty)\">(\\d+)<").matcher(cells);
        while (figure.find()) {
            figures.add(figure.group(1) + "=" + figure.group(2));
        }
        assertEquals(6, figures.size(), cells);
        return figures;
    }

    @Test
    void everyForeignKeyToASubscriberDeletesWithIt() {
        List<?> notCascading = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                select conrelid::regclass::text || '.' || conname from pg_constraint
                where contype = 'f' and confrelid = 'subscriber'::regclass and confdeltype <> 'c'""").getResultList());
        assertEquals(List.of(), notCascading, "a table that refers to subscribers must say 'on delete cascade'");
    }

    private long subscriberRows(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Subscriber.count("id", id));
    }

    /** Table and column of every value in the database (text, arrays, JSON, bytes such as Quartz job data) holding {@code text}. */
    private List<String> occurrences(String text) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Object[]> columns = entityManager.createNativeQuery("""
                    select table_name, column_name, data_type from information_schema.columns
                    where table_schema = current_schema()""").getResultList();
            List<String> found = new ArrayList<>();
            for (Object[] column : columns) {
                String table = "\"" + column[0] + "\"";
                String name = "\"" + column[1] + "\"";
                String where = "bytea".equals(column[2])
                        ? "position(convert_to(?1, 'UTF8') in " + name + ") > 0"
                        : "strpos(lower(" + name + "::text), lower(?1)) > 0";
                Number count = (Number) entityManager.createNativeQuery("select count(*) from " + table + " where " + where)
                        .setParameter(1, text).getSingleResult();
                if (count.longValue() > 0) {
                    found.add(column[0] + "." + column[1]);
                }
            }
            return found;
        });
    }

    /** Every table with a subscriber_id column that still has a row of this subscriber. */
    private List<String> rowsReferring(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> tables = entityManager.createNativeQuery("""
                    select table_name from information_schema.columns
                    where table_schema = current_schema() and column_name = 'subscriber_id'""").getResultList();
            List<String> found = new ArrayList<>();
            for (String table : tables) {
                Number count = (Number) entityManager.createNativeQuery(
                        "select count(*) from \"" + table + "\" where subscriber_id = ?1").setParameter(1, id).getSingleResult();
                if (count.longValue() > 0) {
                    found.add(table);
                }
            }
            return found;
        });
    }
}
