package dev.paperboy.paper;

import java.util.List;

/** What an import did: the answer of both admin import endpoints. */
public record ImportResult(int received, int added, int duplicates, int rejected, List<String> errors) {
}
