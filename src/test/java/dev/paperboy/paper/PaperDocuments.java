package dev.paperboy.paper;

import dev.paperboy.AdminApi;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fixture documents under {@code src/test/resources/papers/}, made unique to one test: the arXiv ids' month
 * {@code 2611} becomes a month no other test uses, old-style numbers likewise, and every title starts with the
 * test's marker, so tests sharing one database never meet each other's papers.
 */
public final class PaperDocuments {

    private static final AtomicInteger MONTHS = new AtomicInteger(9000);

    /** The marker in this test's titles. */
    public final String marker = UUID.randomUUID().toString().substring(0, 8);
    /** What {@code 2611} became in this test's arXiv ids. */
    public final String month = Integer.toString(MONTHS.getAndIncrement());

    public String id(String fixtureId) {
        return fixtureId.replace("2611.", month + ".").replace("hep-th/9901", "hep-th/" + month);
    }

    public byte[] load(String name) {
        try (InputStream in = PaperDocuments.class.getResourceAsStream("/papers/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            text = id(text)
                    .replaceAll("(<title(?: [^>]*)?>)", "$1[" + marker + "] ")
                    .replaceAll("(\"title\": \")", "$1[" + marker + "] ");
            return text.getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Response post(String contentType, byte[] body) {
        return AdminApi.admin().contentType(contentType).body(body).post("/api/admin/papers");
    }

    /** Posts a fixture and returns the answer, which must be 200. */
    public Response postFixture(String contentType, String name) {
        Response response = post(contentType, load(name));
        if (response.statusCode() != 200) {
            throw new AssertionError(name + ": " + response.statusCode() + " " + response.asString());
        }
        return response;
    }

    /** The counts of an import answer, in the order received, added, updated, duplicates, rejected. */
    public static List<Integer> counts(Response response) {
        var json = response.jsonPath();
        return List.of(json.getInt("received"), json.getInt("added"), json.getInt("updated"),
                json.getInt("duplicates"), json.getInt("rejected"));
    }

    /** This test's stored papers. */
    public List<Paper> papers() {
        return QuarkusTransaction.requiringNew().call(() ->
                Paper.<Paper>list("title like ?1 order by id", "[" + marker + "]%"));
    }

    /** The stored paper with this fixture id (rewritten for this test), or null. */
    public Paper paper(String fixtureId) {
        return QuarkusTransaction.requiringNew().call(() ->
                Paper.<Paper>find("externalId", id(fixtureId)).firstResult());
    }
}
