package dev.paperboy.paper.source;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OAI-PMH harvests: resumption tokens followed to the end; {@code from} moves only when a harvest completes. */
@QuarkusTest
class OaiHarvestTest {

    private static final String XML = "text/xml;charset=UTF-8";
    private static final String TOKEN = "6960524|1001";

    @Test
    void aHarvestFollowsItsResumptionTokensAndTheNextStartsFromItsDay() {
        String name = SourcesApi.unique("oai");
        String marker = "harvested" + name.substring(name.lastIndexOf('-') + 1);
        List<Documents.TestPaper> papers = Documents.papers(marker, 5);
        try (SourceServer server = new SourceServer()) {
            server.on("/oai", (exchange, number) -> {
                SourceServer.Request request = server.requests("/oai").get(number - 1);
                String token = request.param("resumptionToken");
                String page = token == null && number == 1 ? Documents.oaiPage(papers.subList(0, 3), List.of(), TOKEN)
                        : token != null && decode(token).equals(TOKEN) ? Documents.oaiPage(papers.subList(3, 4), List.of("2912.00001"), "page-3")
                        : "page-3".equals(token) ? Documents.oaiPage(papers.subList(4, 5), List.of(), null)
                        : Documents.oaiNoRecords();
                SourceServer.send(exchange, 200, XML, page);
            });
            SourcesApi.add("{\"name\": \"" + name + "\", \"kind\": \"arxiv-oai\", \"url\": \"" + server.url("/oai")
                    + "\", \"set\": \"cs\", \"enabled\": false}");
            Set<LocalDate> today = today();

            JsonPath harvest = SourcesApi.pollOk(name);
            assertEquals(5, harvest.getInt("added"), "the deleted record is skipped");
            assertEquals(3, harvest.getInt("requests"));
            List<SourceServer.Request> requests = server.requests("/oai");
            SourceServer.Request first = requests.get(0);
            assertEquals("ListRecords", first.param("verb"));
            assertEquals("arXiv", first.param("metadataPrefix"));
            assertEquals("cs", first.param("set"));
            LocalDate from = LocalDate.parse(first.param("from"));
            assertTrue(today.stream().anyMatch(d -> d.minusDays(7).equals(from)), "the first harvest reaches back the recent window: " + from);
            assertEquals(TOKEN, decode(requests.get(1).param("resumptionToken")));
            assertNull(requests.get(1).param("metadataPrefix"), "resumptionToken is an exclusive argument");
            assertEquals("page-3", requests.get(2).param("resumptionToken"));
            LocalDate harvested = LocalDate.parse(SourcesApi.view(name).getString("harvestFrom"));
            assertTrue(today.contains(harvested), "from moved to the day of the harvest: " + harvested);

            JsonPath nothingNew = SourcesApi.pollOk(name);
            assertEquals(0, nothingNew.getInt("added"));
            assertEquals(harvested.toString(), server.requests("/oai").get(3).param("from"));
            assertEquals(harvested.toString(), SourcesApi.view(name).getString("harvestFrom"), "noRecordsMatch completes a harvest");
        } finally {
            SourcesApi.delete(name);
        }
    }

    @Test
    void aHarvestThatFailsHalfWayLeavesFromWhereItWas() {
        String name = SourcesApi.unique("oai-fail");
        String marker = "interrupted" + name.substring(name.lastIndexOf('-') + 1);
        List<Documents.TestPaper> papers = Documents.papers(marker, 4);
        try (SourceServer server = new SourceServer()) {
            server.on("/oai", (exchange, number) -> {
                SourceServer.Request request = server.requests("/oai").get(number - 1);
                if (request.param("resumptionToken") == null) {
                    SourceServer.send(exchange, 200, XML, Documents.oaiPage(papers.subList(0, 2), List.of(), TOKEN));
                } else if (number == 2) {
                    SourceServer.send(exchange, 500, "text/plain", "the harvester's back end is down");
                } else {
                    SourceServer.send(exchange, 200, XML, Documents.oaiPage(papers.subList(2, 4), List.of(), null));
                }
            });
            SourcesApi.add("{\"name\": \"" + name + "\", \"kind\": \"arxiv-oai\", \"url\": \"" + server.url("/oai")
                    + "\", \"set\": \"cs\", \"enabled\": false}");

            JsonPath failed = SourcesApi.poll(name).then().statusCode(502).extract().jsonPath();
            assertTrue(failed.getString("error").contains("HTTP 500"), failed.getString("error"));
            assertEquals(2, failed.getInt("added"), "the first page's papers are kept");
            assertNull(SourcesApi.view(name).getString("harvestFrom"), "from did not move");

            JsonPath again = SourcesApi.pollOk(name);
            assertEquals(2, again.getInt("added"));
            assertEquals(2, again.getInt("duplicates"));
            List<SourceServer.Request> requests = server.requests("/oai");
            assertEquals(requests.get(0).param("from"), requests.get(2).param("from"), "the harvest began again from the same day");
            assertTrue(today().contains(LocalDate.parse(SourcesApi.view(name).getString("harvestFrom"))));
            assertEquals(4, Documents.stored(marker));
        } finally {
            SourcesApi.delete(name);
        }
    }

    @Test
    void anOaiErrorEndsTheHarvestWithItsCode() {
        String name = SourcesApi.unique("oai-error");
        try (SourceServer server = new SourceServer()) {
            server.on("/oai", (exchange, number) -> SourceServer.send(exchange, 200, XML, """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">
                      <responseDate>2026-11-10T12:00:00Z</responseDate>
                      <request verb="ListRecords">http://export.arxiv.org/oai2</request>
                      <error code="badArgument">Illegal argument</error>
                    </OAI-PMH>
                    """));
            SourcesApi.add("{\"name\": \"" + name + "\", \"kind\": \"arxiv-oai\", \"url\": \"" + server.url("/oai")
                    + "\", \"enabled\": false}");
            JsonPath failed = SourcesApi.poll(name).then().statusCode(502).extract().jsonPath();
            assertTrue(failed.getString("error").contains("badArgument"), failed.getString("error"));
            assertNull(server.requests("/oai").get(0).param("set"), "no set: the whole archive");
            assertNull(SourcesApi.view(name).getString("harvestFrom"));
        } finally {
            SourcesApi.delete(name);
        }
    }

    /** Today in UTC, or tomorrow too when the test runs across midnight. */
    private static Set<LocalDate> today() {
        LocalDate now = LocalDate.now(ZoneOffset.UTC);
        return Set.of(now, now.plusDays(1));
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
