package dev.paperboy.paper.format;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.PaperInput;
import dev.paperboy.paper.ParsedPapers;

import java.util.List;

import static dev.paperboy.paper.format.JsonLists.number;
import static dev.paperboy.paper.format.JsonLists.strings;
import static dev.paperboy.paper.format.JsonLists.text;

/**
 * Hugging Face's daily papers ({@code /api/daily_papers}): a list of entries each holding a {@code paper} object
 * with {@code id} (the arXiv id), {@code title}, {@code summary}, {@code authors[].name}, {@code publishedAt} and
 * {@code upvotes}.
 */
final class HuggingFaceJsonParser {

    static boolean looksLikeHuggingFace(JsonNode list) {
        return list.size() > 0 && list.get(0).isObject() && list.get(0).has("paper");
    }

    ParsedPapers papers(JsonNode list) {
        return new ParsedPapers(PaperFormat.HUGGINGFACE_JSON.source(), JsonLists.entries(list, HuggingFaceJsonParser::paper));
    }

    private static PaperInput paper(JsonNode entry) {
        JsonNode paper = entry.get("paper");
        if (paper == null || !paper.isObject()) {
            throw new IllegalArgumentException("entry has no paper object");
        }
        String id = text(paper, "id");
        Integer upvotes = number(paper, "upvotes");
        String link = ArxivId.parse(id).map(arxiv -> "https://huggingface.co/papers/" + arxiv.id()).orElse(null);
        return new PaperInput(id, text(paper, "title"), text(paper, "summary"), strings(paper, "authors", "name"),
                List.of(), link, Dates.instant("publishedAt", text(paper, "publishedAt")), null, upvotes, null, null, null);
    }
}
