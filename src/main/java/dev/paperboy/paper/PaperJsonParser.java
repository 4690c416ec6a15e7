package dev.paperboy.paper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSON list of papers: Paperboy's own ({@code title, abstract, ...}) or Hugging Face's daily papers
 * (entries holding a {@code paper} object with {@code id, title, summary, authors[].name, publishedAt}).
 */
@ApplicationScoped
public class PaperJsonParser {

    private final ObjectMapper json;

    PaperJsonParser(ObjectMapper json) {
        this.json = json;
    }

    public ParsedPapers parse(InputStream body) {
        JsonNode root;
        try {
            root = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(body);
        } catch (JsonProcessingException e) {
            throw new ParsedPapers.MalformedDocument("not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ParsedPapers.MalformedDocument("could not read the body", e);
        }
        if (root == null || !root.isArray()) {
            throw new ParsedPapers.MalformedDocument("expected a JSON list of papers", null);
        }
        boolean huggingFace = root.size() > 0 && root.get(0).has("paper");
        List<ParsedPapers.Entry> entries = new ArrayList<>();
        for (JsonNode node : root) {
            if (!node.isObject()) {
                entries.add(ParsedPapers.Entry.unreadable("not a JSON object"));
                continue;
            }
            try {
                entries.add(ParsedPapers.Entry.of(huggingFace ? huggingFacePaper(node) : ownPaper(node)));
            } catch (IllegalArgumentException e) {
                entries.add(ParsedPapers.Entry.unreadable(e.getMessage()));
            }
        }
        return new ParsedPapers(huggingFace ? "huggingface" : "json", entries);
    }

    private static PaperInput ownPaper(JsonNode node) {
        return new PaperInput(text(node, "id"), text(node, "title"), text(node, "abstract"),
                strings(node.get("authors"), null), strings(node.get("categories"), null),
                text(node, "url"), instant(text(node, "published")));
    }

    private static PaperInput huggingFacePaper(JsonNode entry) {
        JsonNode paper = entry.get("paper");
        if (paper == null || !paper.isObject()) {
            throw new IllegalArgumentException("entry has no paper object");
        }
        String id = text(paper, "id");
        return new PaperInput(id == null ? null : "arxiv:" + id, text(paper, "title"), text(paper, "summary"),
                strings(paper.get("authors"), "name"), List.of(),
                id == null ? null : "https://huggingface.co/papers/" + id, instant(text(paper, "publishedAt")));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return value.asText();
    }

    private static List<String> strings(JsonNode list, String field) {
        if (list == null || list.isNull()) {
            return null;
        }
        if (!list.isArray()) {
            throw new IllegalArgumentException("expected a list, got " + list.getNodeType());
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : list) {
            JsonNode value = field == null ? item : item.get(field);
            if (value != null && value.isValueNode()) {
                values.add(value.asText());
            }
        }
        return values;
    }

    static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException notInstant) {
                try {
                    return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notDate) {
                    throw new IllegalArgumentException("published is not an ISO-8601 date: " + value);
                }
            }
        }
    }
}
