package dev.paperboy.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.BadRequestException;

/** The body of a run request, {@code {"force": true, "at": "<instant>"}}; both fields optional. */
public record RunRequest(Boolean force, String at) {

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
            if (!field.equals("force") && !field.equals("at")) {
                throw new BadRequestException("unknown field " + field + ": a run takes force (true or false) and at (an instant)");
            }
        });
        JsonNode force = request.get("force");
        if (force != null && !force.isNull() && !force.isBoolean()) {
            throw new BadRequestException("force must be true or false");
        }
        JsonNode at = request.get("at");
        if (at != null && !at.isNull() && !at.isTextual()) {
            throw new BadRequestException("at must be an ISO-8601 instant like 2026-11-28T08:00:00Z");
        }
        return new RunRequest(force == null || force.isNull() ? null : force.asBoolean(),
                at == null || at.isNull() ? null : at.asText());
    }
}
