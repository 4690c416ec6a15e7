package dev.paperboy.paper;

import java.util.List;

/**
 * What an import did: the answer of both admin import endpoints. {@code updated} counts known papers changed in
 * place (a later version, new upvotes); {@code duplicates} the entries that were already known as they are.
 */
public record ImportResult(int received, int added, int updated, int duplicates, int rejected, List<String> errors) {

    public ImportResult(int received, int added, int duplicates, int rejected, List<String> errors) {
        this(received, added, 0, duplicates, rejected, errors);
    }
}
