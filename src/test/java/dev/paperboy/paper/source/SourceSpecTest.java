package dev.paperboy.paper.source;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A source definition as an operator writes it, checked without the application; Retry-After as servers send it; the User-Agent we send. */
class SourceSpecTest {

    @Test
    void everyTakesTheDurationsOperatorsWrite() {
        assertEquals(Duration.ofMinutes(30), every("30m"));
        assertEquals(Duration.ofHours(1), every("1h"));
        assertEquals(Duration.ofDays(1), every("1d"));
        assertEquals(Duration.ofHours(2), every("PT2H"));
        assertEquals(Duration.ofMinutes(1), every("60s"));
        assertNull(every(null), "no every: the kind's default schedule");
        for (String bad : new String[] {"59s", "0m", "-5m", "90", "1 h", "hourly", "400d", "1w"}) {
            InvalidSource e = assertThrows(InvalidSource.class, () -> every(bad), bad);
            assertTrue(e.getMessage().startsWith("every must be"), e.getMessage());
        }
    }

    @Test
    void theKindsFillInTheirOwnEndpoints() {
        assertEquals("https://oaipmh.arxiv.org/oai", SourceSpec.of("oai", "arxiv-oai", null, null, "cs", null, null).url());
        assertEquals("https://mirror.example.org/oai", SourceSpec.of("oai", "arxiv-oai", " https://mirror.example.org/oai ", null, null, null, null).url());
        assertEquals("cs.LG+cs.CL+stat.ML", SourceSpec.of("rss", "arxiv-rss", null, "cs.LG, cs.CL stat.ML", null, null, null).query());
        assertThrows(InvalidSource.class, () -> SourceSpec.of("feed", "feed", "https://user:pw@example.org/feed", null, null, null, null));
    }

    @Test
    void onlyTheKindAndItsEndpointMakeAnotherPlace() {
        SourceSpec hourly = SourceSpec.of("hf", "huggingface", null, null, null, "1h", true);
        assertTrue(hourly.samePlace(SourceSpec.of("hf", "huggingface", null, null, null, "6h", false)));
        assertTrue(!hourly.samePlace(SourceSpec.of("hf", "huggingface", "https://mirror.example.org/daily", null, null, "1h", true)));
    }

    @Test
    void retryAfterIsSecondsOrAnHttpDate() {
        Instant now = Instant.parse("2026-11-28T12:00:00Z");
        assertEquals(now.plusSeconds(120), RetryAfter.parse("120", now));
        assertEquals(Instant.parse("2026-11-28T13:00:00Z"), RetryAfter.parse("Sat, 28 Nov 2026 13:00:00 GMT", now));
        assertEquals(now, RetryAfter.parse("Sat, 28 Nov 2026 11:00:00 GMT", now), "a date past is now");
        assertNull(RetryAfter.parse("soon", now));
        assertNull(RetryAfter.parse(null, now));
    }

    @Test
    void theUserAgentNamesPaperboyAndHowToReachTheOperator() {
        String mail = SourceHttp.userAgent(" ops@example.org ");
        assertTrue(mail.matches("Paperboy/\\S+ \\(mailto:ops@example\\.org\\)"), mail);
        String web = SourceHttp.userAgent("https://lab.example.org/paperboy");
        assertTrue(web.matches("Paperboy/\\S+ \\(\\+https://lab\\.example\\.org/paperboy\\)"), web);
        assertTrue(SourceHttp.userAgent(null).contains("operator contact not configured"));
        for (String bad : new String[] {"ops@example.org (nights)", "ops@ex\u00e4mple.org", "ops@example.org\r\nX-Evil: 1", "x".repeat(201)}) {
            assertThrows(IllegalStateException.class, () -> SourceHttp.userAgent(bad), bad);
        }
    }

    private static Duration every(String every) {
        return SourceSpec.of("s", "feed", "https://example.org/feed", null, null, every, null).every();
    }
}
