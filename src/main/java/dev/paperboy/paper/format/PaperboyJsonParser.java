package dev.paperboy.paper.format;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperboy.paper.PaperInput;
import dev.paperboy.paper.ParsedPapers;

import static dev.paperboy.paper.format.JsonLists.strings;
import static dev.paperboy.paper.format.JsonLists.text;

/** Paperboy's own JSON: a list of {@code {id?, title, abstract, authors?[], categories?[], url?, published?}}. */
final class PaperboyJsonParser {

    ParsedPapers papers(JsonNode list) {
        return new ParsedPapers(PaperFormat.PAPERBOY_JSON.source(), JsonLists.entries(list, PaperboyJsonParser::paper));
    }

    private static PaperInput paper(JsonNode node) {
        return new PaperInput(text(node, "id"), text(node, "title"), text(node, "abstract"),
                strings(node, "authors", null), strings(node, "categories", null),
                text(node, "url"), Dates.instant("published", text(node, "published")));
    }
}
