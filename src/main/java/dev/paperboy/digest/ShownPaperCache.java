package dev.paperboy.digest;

import dev.paperboy.paper.Paper;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shown papers a node has read (title, authors, link, revision), kept until any paper changes: a run's mails show
 * the same thousand papers again and again, and reading and decoding them for every batch was 3.1-3.5 s of
 * PostgreSQL's statement time at 100,000 digests, and pgjdbc's array decoding compiled two or three times a run.
 */
final class ShownPaperCache {

    /** Papers kept at most (a few hundred bytes each); past it the cache starts again. */
    static final int LIMIT = 20_000;

    private final Map<Long, Paper> papers = new HashMap<>();
    private long changes = -1;

    /**
     * What a mail shows of each of these papers, as {@link ShownPapers#read} returns it: each a copy of its own, since
     * the caller adds abstracts to some. The papers are as they are now: a paper changed since it was kept is read
     * again (the count of paper changes, V23, is read first, then the papers not kept under that count).
     */
    Map<Long, Paper> read(Connection connection, Collection<Long> ids) throws SQLException {
        Map<Long, Paper> shown = new HashMap<>();
        if (ids.isEmpty()) {
            return shown;
        }
        long now = ShownPapers.changes(connection);
        List<Long> missing = new ArrayList<>();
        synchronized (this) {
            if (now != changes) {
                papers.clear();
                changes = now;
            }
            for (Long id : ids) {
                Paper kept = papers.get(id);
                if (kept == null) {
                    missing.add(id);
                } else {
                    shown.put(id, copy(kept));
                }
            }
        }
        Map<Long, Paper> read = ShownPapers.read(connection, missing);
        keep(now, read);
        shown.putAll(read);
        return shown;
    }

    // read after the count was: kept only if no change counted since (one that came after may be in them, or not)
    private synchronized void keep(long count, Map<Long, Paper> read) {
        if (count != changes || read.isEmpty()) {
            return;
        }
        if (papers.size() + read.size() > LIMIT) {
            papers.clear();
        }
        for (Paper paper : read.values()) {
            papers.put(paper.id, copy(paper));
        }
    }

    private static Paper copy(Paper paper) {
        Paper copy = new Paper();
        copy.id = paper.id;
        copy.revision = paper.revision;
        copy.title = paper.title;
        copy.authors = paper.authors;
        copy.url = paper.url;
        return copy;
    }
}
