package dev.paperboy.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.BadRequestException;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * The body of a run request, {@code {"force": true, "at": "<instant>", "future": true}}; every field optional.
 * {@code future} allows an {@code at} more than {@link #AHEAD} after now.
 */
public record RunRequest(Boolean force, String at, Boolean future) {

    /**
     * How far ahead of now a run may be asked for without {@code "future": true}. A run decides each subscriber's
     * digest as of its moment, and a period counts as served by a decision made on or after its start: a run a year
     * ahead (a mistyped year) would leave every scheduled run finding nobody due until then, with nothing to say so.
     * A day is room for a clock's skew and for trying tomorrow's hour.
     */
    static final Duration AHEAD = Duration.ofDays(1);

    private static final Set<String> FIELDS = Set.of("force", "at", "future");

    /** No body is a run of the clock now; a field it does not know, or of the wrong type, is a 400 naming it. */
    static RunRequest read(ObjectMapper json, String body) {
        if (body == null || body.isBlank()) {
            return new RunRequest(null, null, null);
        }
        JsonNode request = JsonBodies.read(json, body);
        if (!request.isObject()) {
            throw new BadRequestException("expected a JSON object such as {\"force\": true}");
        }
        request.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                throw new BadRequestException("unknown field " + field
                        + ": a run takes force (true or false), at (an instant) and future (true or false)");
            }
        });
        JsonNode at = request.get("at");
        if (at != null && !at.isNull() && !at.isTextual()) {
            throw new BadRequestException("at must be an ISO-8601 instant like 2026-11-28T08:00:00Z");
        }
        return new RunRequest(flag(request, "force"), at == null || at.isNull() ? null : at.asText(),
                flag(request, "future"));
    }

    private static Boolean flag(JsonNode request, String name) {
        JsonNode flag = request.get(name);
        if (flag != null && !flag.isNull() && !flag.isBoolean()) {
            throw new BadRequestException(name + " must be true or false");
        }
        return flag == null || flag.isNull() ? null : flag.asBoolean();
    }

    /** The run's moment: {@code now} without {@code at}; an {@code at} over a day ahead only with {@code future}. */
    Instant moment(Instant now) {
        if (at == null) {
            return now;
        }
        Instant moment;
        try {
            moment = Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("at must be an ISO-8601 instant like 2026-11-28T08:00:00Z");
        }
        if (moment.isAfter(now.plus(AHEAD)) && !Boolean.TRUE.equals(future)) {
            throw new BadRequestException("at " + moment + " is more than a day after now (" + now + "): a run there"
                    + " counts as each subscriber's digest for every period until then, so their scheduled digests"
                    + " would stop until " + moment + ". To run there anyway (a scratch node, a test), add"
                    + " \"future\": true");
        }
        return moment;
    }
}
