package dev.paperboy.paper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The stored papers one import may meet, loaded in one query, and what the import does to them: each incoming
 * paper is new, a change to a known one (a later arXiv version, a new upvote count), or a duplicate. The writes
 * are collected and sent as two JDBC batches at the end.
 */
final class KnownPapers {

    /** What one incoming paper turned out to be. */
    enum Outcome { ADDED, UPDATED, DUPLICATE }

    private static final String SELECT = "select id, " + PaperRows.COLUMNS + " from paper"
            + " where external_id = any(?) or title_key = any(?) order by id for no key update";

    private final Map<String, Paper> byExternalId = new HashMap<>();
    private final Map<String, Paper> byTitleKey = new HashMap<>();
    private final List<Paper> inserts = new ArrayList<>();
    private final Set<Paper> updates = new LinkedHashSet<>();

    /**
     * The stored papers that share an id or a title key with any of {@code incoming}, locked (in id order, so two
     * imports never wait on each other in a circle) so that a concurrent import's change is read, not overwritten.
     * The lock is the one an update that keeps the row's keys takes: rows that only point at a paper (its vector, a
     * feedback click) check their foreign key under a key-share lock, which it does not block, so
     * those writers and an import never wait on each other, in whatever order either takes its papers.
     */
    static KnownPapers load(Connection connection, Collection<Paper> incoming) throws SQLException {
        KnownPapers known = new KnownPapers();
        try (PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setArray(1, connection.createArrayOf("text",
                    incoming.stream().map(p -> p.externalId).filter(Objects::nonNull).distinct().toArray()));
            select.setArray(2, connection.createArrayOf("text", incoming.stream().map(p -> p.titleKey).distinct().toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    known.remember(PaperRows.read(rows));
                }
            }
        }
        return known;
    }

    private void remember(Paper paper) {
        if (paper.externalId != null) {
            byExternalId.put(paper.externalId, paper);
        }
        byTitleKey.put(paper.titleKey, paper);
    }

    /** Meets one incoming paper with what is stored (or added earlier in this import). */
    Outcome merge(Paper incoming) {
        Paper known = incoming.externalId == null ? null : byExternalId.get(incoming.externalId);
        if (known == null) {
            known = byTitleKey.get(incoming.titleKey);
        }
        if (known == null) {
            inserts.add(incoming);
            remember(incoming);
            return Outcome.ADDED;
        }
        boolean later = incoming.version != null && incoming.version > (known.version == null ? 1 : known.version);
        boolean votes = incoming.upvotes != null && known.upvotes != null && !incoming.upvotes.equals(known.upvotes);
        boolean filled = fillGaps(known, incoming);
        if (later) {
            takeVersion(known, incoming);
        }
        if (votes) {
            known.upvotes = incoming.upvotes;
        }
        if ((later || votes || filled) && known.id != null) {
            updates.add(known);
        }
        return later || votes ? Outcome.UPDATED : Outcome.DUPLICATE;
    }

    /** The text and metadata of a later version replace the stored ones; the paper keeps its place in time. */
    private void takeVersion(Paper known, Paper incoming) {
        known.title = incoming.title;
        known.abstractText = incoming.abstractText;
        known.version = incoming.version;
        Paper holder = byTitleKey.get(incoming.titleKey);
        if (holder == null) {
            byTitleKey.remove(known.titleKey);
            known.titleKey = incoming.titleKey;
            byTitleKey.put(known.titleKey, known);
        }
        if (incoming.authors.length > 0) {
            known.authors = incoming.authors;
        }
        if (incoming.categories.length > 0) {
            known.categories = incoming.categories;
        }
        known.primaryCategory = firstOf(incoming.primaryCategory, known.primaryCategory);
        known.updated = firstOf(incoming.updated, known.updated);
        known.pdfUrl = firstOf(incoming.pdfUrl, known.pdfUrl);
        known.url = firstOf(incoming.url, known.url);
    }

    /** What the stored paper lacks and this source knows; true when anything was filled in. */
    private boolean fillGaps(Paper known, Paper incoming) {
        boolean newId = known.externalId == null && incoming.externalId != null
                && !byExternalId.containsKey(incoming.externalId);
        boolean gaps = newId
                || known.version == null && incoming.version != null
                || known.upvotes == null && incoming.upvotes != null
                || known.primaryCategory == null && incoming.primaryCategory != null
                || known.pdfUrl == null && incoming.pdfUrl != null
                || known.published == null && incoming.published != null
                || known.updated == null && incoming.updated != null
                || known.url == null && incoming.url != null
                || known.categories.length == 0 && incoming.categories.length > 0
                || known.authors.length == 0 && incoming.authors.length > 0;
        if (!gaps) {
            return false;
        }
        if (newId) {
            known.externalId = incoming.externalId;
            byExternalId.put(known.externalId, known);
        }
        known.version = firstOf(known.version, incoming.version);
        known.upvotes = firstOf(known.upvotes, incoming.upvotes);
        known.primaryCategory = firstOf(known.primaryCategory, incoming.primaryCategory);
        known.pdfUrl = firstOf(known.pdfUrl, incoming.pdfUrl);
        known.published = firstOf(known.published, incoming.published);
        known.updated = firstOf(known.updated, incoming.updated);
        known.url = firstOf(known.url, incoming.url);
        known.categories = known.categories.length > 0 ? known.categories : incoming.categories;
        known.authors = known.authors.length > 0 ? known.authors : incoming.authors;
        return true;
    }

    private static <T> T firstOf(T first, T second) {
        return first != null ? first : second;
    }

    /** Writes the new papers and the changed ones; the number of new ones another import stored first. */
    int write(Connection connection, String source) throws SQLException {
        int lost = PaperRows.insert(connection, inserts, source);
        // in id order, like the lock: a later version's new title changes a key, so its update waits for the
        // papers' key-share holders, and a holder that also goes in id order cannot wait on it in a circle
        PaperRows.update(connection, updates.stream().sorted(Comparator.comparing((Paper p) -> p.id)).toList());
        return lost;
    }
}
