package dev.paperboy.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.BadRequestException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The moment of a run request: a mistyped year must not silence every subscriber's digests until then. */
class RunRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-30T22:45:00Z");

    private static Instant moment(String body) {
        return RunRequest.read(JSON, body).moment(NOW);
    }

    @Test
    void aRunUpToADayAheadOrInThePastIsAsAsked() {
        assertEquals(NOW, moment(""));
        assertEquals(NOW, moment("{\"force\": true}"));
        assertEquals(NOW.plus(Duration.ofDays(1)), moment("{\"at\": \"2026-12-01T22:45:00Z\"}"));
        assertEquals(Instant.parse("2025-01-01T08:00:00Z"), moment("{\"at\": \"2025-01-01T08:00:00Z\"}"));
    }

    @Test
    void aRunMoreThanADayAheadIsRefusedSayingWhyAndHow() {
        for (String body : new String[]{"{\"at\": \"2026-12-01T22:45:01Z\"}",
                "{\"force\": true, \"at\": \"2030-01-01T08:05:00Z\"}", "{\"at\": \"2030-01-01T08:05:00Z\", \"future\": false}"}) {
            BadRequestException refused = assertThrows(BadRequestException.class, () -> moment(body), body);
            String message = refused.getMessage();
            assertTrue(message.contains("more than a day after now (2026-11-30T22:45:00Z)"), message);
            assertTrue(message.contains("scheduled digests would stop"), message);
            assertTrue(message.contains("\"future\": true"), message);
        }
    }

    @Test
    void futureTrueRunsThereAnyway() {
        assertEquals(Instant.parse("2030-01-01T08:05:00Z"), moment("{\"at\": \"2030-01-01T08:05:00Z\", \"future\": true}"));
        assertThrows(BadRequestException.class, () -> moment("{\"at\": \"2030-01-01T08:05:00Z\", \"future\": \"yes\"}"));
    }
}
