package dev.paperboy.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.BadRequestException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The moment of a run request: as asked, whenever it is (the operator's contract), or a 400 naming what is wrong. */
class RunRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-30T22:45:00Z");

    private static Instant moment(String body) {
        return RunRequest.read(JSON, body).moment(NOW);
    }

    @Test
    void aRunIsAsOfTheInstantAskedPastOrFuture() {
        assertEquals(NOW, moment(""));
        assertEquals(NOW, moment("{\"force\": true}"));
        assertEquals(Instant.parse("2025-01-01T08:00:00Z"), moment("{\"at\": \"2025-01-01T08:00:00Z\"}"));
        // a week ahead checks a weekly cadence, months ahead a daylight-saving change: run, with a warning logged
        assertEquals(Instant.parse("2026-12-07T08:00:00Z"), moment("{\"at\": \"2026-12-07T08:00:00Z\"}"));
        assertEquals(Instant.parse("2027-03-28T01:30:00Z"), moment("{\"force\": true, \"at\": \"2027-03-28T01:30:00Z\"}"));
    }

    @Test
    void aWrongMomentOrFieldIsA400SayingWhat() {
        assertTrue(assertThrows(BadRequestException.class, () -> moment("{\"at\": \"tomorrow\"}")).getMessage()
                .contains("ISO-8601"));
        assertTrue(assertThrows(BadRequestException.class, () -> moment("{\"at\": \"2030-01-01T08:05:00Z\", \"future\": true}"))
                .getMessage().contains("unknown field future"));
    }
}
