package dev.paperboy.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.BadRequestException;

/** Reading the admin API's JSON bodies field by field, so a wrong type gets a 400 that names the field. */
final class JsonBodies {

    private JsonBodies() {
    }

    /** The whole body as one JSON value; anything after it, or no JSON at all, is a 400. */
    static JsonNode read(ObjectMapper json, String body) {
        try {
            return json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadRequestException("invalid JSON: " + e.getOriginalMessage());
        }
    }

    /** A field given as a single value (null when absent); {@code where} prefixes the error, e.g. "subscriber 2: ". */
    static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw new BadRequestException(where + field + " must be a string");
        }
        return value.asText();
    }
}
