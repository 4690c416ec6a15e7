package dev.paperboy.paper.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.paper.ParsedPapers;
import dev.paperboy.paper.PaperInput;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Reads a JSON document that must be one list, and the typed fields of its entries. */
final class JsonLists {

    private final ObjectMapper json;

    JsonLists(ObjectMapper json) {
        this.json = json;
    }

    /** The document's list; anything else (not JSON, cut off, trailing text, not a list) is malformed. */
    JsonNode read(byte[] document) {
        JsonNode root;
        try {
            root = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(document);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new ParsedPapers.MalformedDocument("not valid JSON" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ParsedPapers.MalformedDocument("could not read the body", e);
        }
        if (root == null || root.isMissingNode() || !root.isArray()) {
            throw new ParsedPapers.MalformedDocument("expected a JSON list of papers", null);
        }
        return root;
    }

    /** Each element read by {@code paper}; an element that is not an object, or has a field of the wrong type, is rejected alone. */
    static List<ParsedPapers.Entry> entries(JsonNode list, Function<JsonNode, PaperInput> paper) {
        List<ParsedPapers.Entry> entries = new ArrayList<>();
        for (JsonNode node : list) {
            if (!node.isObject()) {
                entries.add(ParsedPapers.Entry.unreadable("not a JSON object"));
                continue;
            }
            try {
                entries.add(ParsedPapers.Entry.of(paper.apply(node)));
            } catch (IllegalArgumentException e) {
                entries.add(ParsedPapers.Entry.unreadable(e.getMessage()));
            }
        }
        return entries;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return value.asText();
    }

    static Integer number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException(field + " must be a whole number");
        }
        return value.intValue();
    }

    /** A list of strings, or of objects whose {@code field} is the string. */
    static List<String> strings(JsonNode node, String listField, String field) {
        JsonNode list = node.get(listField);
        if (list == null || list.isNull()) {
            return null;
        }
        if (!list.isArray()) {
            throw new IllegalArgumentException(listField + " must be a list, got " + list.getNodeType());
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : list) {
            JsonNode value = field == null ? item : item.get(field);
            if (value != null && value.isValueNode() && !value.isNull()) {
                values.add(value.asText());
            }
        }
        return values;
    }
}
