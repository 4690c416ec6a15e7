package dev.paperboy.paper.source;

import dev.paperboy.Rows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * One poll of a source at a time across nodes: the lease in the source's row, as another node leaves it in the
 * shared database, is waited for while it lasts, taken over when it runs out, and fences the writes of a poll that lost it.
 */
@QuarkusTest
class PollLeaseTest {

    private static final String JSON = "application/json";

    @Test
    void aPollWaitsForAnotherNodesLeaseUntilItRunsOut() {
        String name = SourcesApi.unique("lease-wait");
        String marker = "leased" + name.substring(name.lastIndexOf('-') + 1);
        try (SourceServer server = new SourceServer()) {
            server.on("/daily", (exchange, number) -> SourceServer.send(exchange, 200, JSON,
                    Documents.huggingFace(Documents.papers(marker, 1))));
            SourcesApi.add("{\"name\": \"" + name + "\", \"kind\": \"huggingface\", \"url\": \"" + server.url("/daily") + "\", \"enabled\": false}");

            long before = System.nanoTime();
            // another node polling this source, which dies without letting go: its lease runs out in 3 s
            assertEquals(1, Rows.update("""
                    update paper_source set lease_holder = 'another-node', lease_until = clock_timestamp() + make_interval(secs => 3)
                    where name = ?""", name));
            JsonPath polled = SourcesApi.pollOk(name);

            assertEquals(1, polled.getInt("added"));
            long asked = server.requests("/daily").get(0).nanos() - before;
            assertTrue(asked >= Duration.ofMillis(2950).toNanos(), "the source was asked " + asked / 1_000_000 + " ms after the other node took it");
            assertEquals(1, Documents.stored(marker));
        } finally {
            SourcesApi.delete(name);
        }
    }

    @Test
    void aPollWhoseLeaseAnotherNodeTookOverStoresNothing() {
        String name = SourcesApi.unique("lease-lost");
        String marker = "fenced" + name.substring(name.lastIndexOf('-') + 1);
        byte[] document = Documents.huggingFace(Documents.papers(marker, 2)).getBytes(StandardCharsets.UTF_8);
        CountDownLatch answering = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (SourceServer server = new SourceServer()) {
            server.on("/daily", (exchange, number) -> SourceServer.trickle(exchange, JSON, document, answering, release));
            SourcesApi.add("{\"name\": \"" + name + "\", \"kind\": \"huggingface\", \"url\": \"" + server.url("/daily") + "\", \"enabled\": false}");
            CompletableFuture<Response> poll = CompletableFuture.supplyAsync(() -> SourcesApi.poll(name));
            if (!SourceServer.await(answering, 60_000)) {
                fail("the poll did not reach the source within 60 s");
            }
            // this poll's lease looked dead to another node, which took the source over
            assertEquals(1, Rows.update("""
                    update paper_source set lease_holder = 'another-node', lease_until = clock_timestamp() + make_interval(secs => 600)
                    where name = ?""", name));
            release.countDown();

            JsonPath report = poll.join().then().statusCode(502).extract().jsonPath();
            assertTrue(report.getString("error").contains("another poll of it took over"), report.getString("error"));
            assertEquals(0, report.getInt("added"));
            assertEquals(0, Documents.stored(marker), "nothing of the fenced poll was stored");
            assertEquals(0, SourcesApi.view(name).getLong("totalAdded"));
        } finally {
            release.countDown();
            SourcesApi.delete(name);
        }
    }
}
