package dev.paperboy.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.BadRequestException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

/** The body of a run request, {@code {"force": true, "at": "<instant>"}}; both fields optional. */
public record RunRequest(Boolean force, String at) {

    private static final Logger LOG = Logger.getLogger(RunRequest.class);

    /**
     * How far ahead of now a run is taken without a warning in the log. A run decides each subscriber's digest as of
     * its moment, and a decision made on or after a period's start serves that period: a run a year ahead (a mistyped
     * year) leaves every scheduled run finding nobody due until then. It is still run, since the operator's contract
     * runs as of any instant, and a script checking a weekly cadence or a daylight-saving change does so on purpose.
     */
    static final Duration AHEAD = Duration.ofDays(1);

    private static final Set<String> FIELDS = Set.of("force", "at");

    /** No body is a run of the clock now; a field it does not know, or of the wrong type, is a 400 naming it. */
    static RunRequest read(ObjectMapper json, String body) {
        if (body == null || body.isBlank()) {
            return new RunRequest(null, null);
        }
        JsonNode request = JsonBodies.read(json, body);
        if (!request.isObject()) {
            throw new BadRequestException("expected a JSON object such as {\"force\": true}");
        }
        request.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                throw new BadRequestException("unknown field " + field
                        + ": a run takes force (true or false) and at (an instant)");
            }
        });
        JsonNode at = request.get("at");
        if (at != null && !at.isNull() && !at.isTextual()) {
            throw new BadRequestException("at must be an ISO-8601 instant like 2026-11-28T08:00:00Z");
        }
        return new RunRequest(flag(request, "force"), at == null || at.isNull() ? null : at.asText());
    }

    private static Boolean flag(JsonNode request, String name) {
        JsonNode flag = request.get(name);
        if (flag != null && !flag.isNull() && !flag.isBoolean()) {
            throw new BadRequestException(name + " must be true or false");
        }
        return flag == null || flag.isNull() ? null : flag.asBoolean();
    }

    /** The run's moment: {@code now} without {@code at}; an {@code at} over a day ahead is logged as a warning. */
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
        if (moment.isAfter(now.plus(AHEAD))) {
            LOG.warnf("A run as of %s, more than a day after now (%s): it serves each subscriber's periods until then,"
                    + " so their scheduled digests stop until %s", moment, now, moment);
        }
        return moment;
    }
}
