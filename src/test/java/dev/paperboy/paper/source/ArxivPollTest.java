package dev.paperboy.paper.source;

import dev.paperboy.Rows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** arXiv's API paged newest first, its RSS by categories, and arXiv's pace shared by every arXiv source. */
@QuarkusTest
class ArxivPollTest {

    /** The test profile's page size and arXiv interval. */
    private static final int PAGE = 3;
    private static final Duration INTERVAL = Duration.ofMillis(300);

    @Test
    void theApiIsPagedNewestFirstUntilAPageBringsNothingNew() {
        String name = SourcesApi.unique("arxiv-api");
        String marker = "paged" + name.substring(name.lastIndexOf('-') + 1);
        List<Documents.TestPaper> listing = new CopyOnWriteArrayList<>(Documents.papers(marker, 8));
        try (SourceServer server = new SourceServer()) {
            server.on("/api/query", (exchange, number) -> {
                var request = server.requests("/api/query").get(number - 1);
                int start = Integer.parseInt(request.param("start"));
                int max = Integer.parseInt(request.param("max_results"));
                List<Documents.TestPaper> page = listing.subList(Math.min(start, listing.size()), Math.min(start + max, listing.size()));
                SourceServer.send(exchange, 200, "application/atom+xml", Documents.arxivAtom(page, start, listing.size()));
            });
            SourcesApi.add("{\"name\": \"" + name + "\", \"kind\": \"arxiv-api\", \"url\": \"" + server.url("/api/query")
                    + "\", \"query\": \"cat:cs.LG OR cat:cs.CL\", \"enabled\": false}");

            JsonPath first = SourcesApi.pollOk(name);
            assertEquals(8, first.getInt("added"));
            assertEquals(3, first.getInt("requests"), "pages of 3, 3 and 2: the short page is the last");
            List<SourceServer.Request> requests = server.requests("/api/query");
            assertEquals(List.of("0", "3", "6"), requests.stream().map(r -> r.param("start")).toList());
            for (SourceServer.Request request : requests) {
                assertEquals("cat%3Acs.LG+OR+cat%3Acs.CL", request.param("search_query"));
                assertEquals("submittedDate", request.param("sortBy"));
                assertEquals("descending", request.param("sortOrder"));
                assertEquals(Integer.toString(PAGE), request.param("max_results"));
            }

            listing.addAll(0, Documents.papers(marker + "new", 2));
            JsonPath second = SourcesApi.pollOk(name);
            assertEquals(2, second.getInt("added"));
            assertEquals(2, second.getInt("requests"), "the second page brought nothing new: the poll stops there");
            assertEquals(5, server.requests("/api/query").size());
            assertEquals(10, Documents.stored(marker) + Documents.stored(marker + "new"));
        } finally {
            SourcesApi.delete(name);
        }
    }

    @Test
    void anRssSourceAsksForItsCategoriesJoinedWithPlus() {
        String name = SourcesApi.unique("arxiv-rss");
        String marker = "announced" + name.substring(name.lastIndexOf('-') + 1);
        try (SourceServer server = new SourceServer()) {
            server.on("/rss/", (exchange, number) ->
                    SourceServer.send(exchange, 200, "application/rss+xml", Documents.arxivRss(Documents.papers(marker, 2))));
            SourcesApi.add("{\"name\": \"" + name + "\", \"kind\": \"arxiv-rss\", \"url\": \"" + server.url("/rss/")
                    + "\", \"query\": \"cs.LG cs.CL\", \"enabled\": false}");
            assertEquals(2, SourcesApi.pollOk(name).getInt("added"));
            assertEquals("/rss/cs.LG+cs.CL", server.requests("/rss/").get(0).path());
            assertEquals(2, Documents.stored(marker));
        } finally {
            SourcesApi.delete(name);
        }
    }

    /** Two arXiv sources of different kinds polled at once still ask arXiv one request per interval. */
    @Test
    void arxivIsAskedAtMostOnceAnIntervalAcrossEverySource() {
        String api = SourcesApi.unique("pace-api");
        String rss = SourcesApi.unique("pace-rss");
        try (SourceServer server = new SourceServer()) {
            server.on("/api/query", (exchange, number) ->
                    SourceServer.send(exchange, 200, "application/atom+xml", Documents.arxivAtom(List.of(), 0, 0)));
            server.on("/rss/", (exchange, number) ->
                    SourceServer.send(exchange, 200, "application/rss+xml", Documents.arxivRss(List.of())));
            SourcesApi.add("{\"name\": \"" + api + "\", \"kind\": \"arxiv-api\", \"url\": \"" + server.url("/api/query")
                    + "\", \"query\": \"cat:cs.LG\", \"enabled\": false}");
            SourcesApi.add("{\"name\": \"" + rss + "\", \"kind\": \"arxiv-rss\", \"url\": \"" + server.url("/rss/")
                    + "\", \"query\": \"cs.LG\", \"enabled\": false}");

            int pollsEach = 5;
            CompletableFuture<?> apiPolls = CompletableFuture.runAsync(() -> repeat(api, pollsEach));
            CompletableFuture<?> rssPolls = CompletableFuture.runAsync(() -> repeat(rss, pollsEach));
            CompletableFuture.allOf(apiPolls, rssPolls).join();

            List<SourceServer.Request> requests = new ArrayList<>(server.requests("/api/query"));
            requests.addAll(server.requests("/rss/"));
            requests.sort(Comparator.comparingLong(SourceServer.Request::nanos));
            assertEquals(2 * pollsEach, requests.size());
            long span = requests.get(requests.size() - 1).nanos() - requests.get(0).nanos();
            // n requests take at least n-1 intervals; the slack is for the first request leaving late after its turn
            long least = INTERVAL.multipliedBy(requests.size() - 1).minusMillis(300).toNanos();
            assertTrue(span >= least, requests.size() + " requests to arXiv within " + span / 1_000_000 + " ms");
        } finally {
            SourcesApi.delete(api);
            SourcesApi.delete(rss);
        }
    }

    /** Another node's reservation of arXiv's turn (a row in the shared database) is waited for like this node's own. */
    @Test
    void aTurnAtArxivTakenByAnotherNodeIsWaitedFor() {
        String name = SourcesApi.unique("pace-node");
        try (SourceServer server = new SourceServer()) {
            server.on("/rss/", (exchange, number) ->
                    SourceServer.send(exchange, 200, "application/rss+xml", Documents.arxivRss(List.of())));
            SourcesApi.add("{\"name\": \"" + name + "\", \"kind\": \"arxiv-rss\", \"url\": \"" + server.url("/rss/")
                    + "\", \"query\": \"cs.LG\", \"enabled\": false}");

            long before = System.nanoTime();
            // what another node's burst of requests leaves in the table: arXiv's next free turn 2 s from now
            int reserved = Rows.update("""
                    update request_pace set next_at = greatest(next_at, clock_timestamp()) + make_interval(secs => 2)
                    where host = 'arxiv'""");
            assertEquals(1, reserved);
            SourcesApi.pollOk(name);

            long waited = server.requests("/rss/").get(0).nanos() - before;
            assertTrue(waited >= Duration.ofMillis(1950).toNanos(), "arXiv asked " + waited / 1_000_000 + " ms after the other node's reservation");
        } finally {
            SourcesApi.delete(name);
        }
    }

    private static void repeat(String name, int times) {
        for (int i = 0; i < times; i++) {
            SourcesApi.pollOk(name);
        }
    }
}
