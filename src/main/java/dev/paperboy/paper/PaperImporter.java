package dev.paperboy.paper;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores the papers a parser read, each at most once however many sources bring it: a paper already known (by
 * its id, or else its normalized title) is updated in place when this is a later arXiv version or a new upvote
 * count, and keeps the moment it was first ingested, so digests do not bring it again as new. One import is
 * one transaction, its writes sent in batches.
 */
@ApplicationScoped
public class PaperImporter {

    /** Advisory lock held shared while papers are written, taken exclusively by the digest planner to close its window. */
    public static final long INGEST_LOCK = 0x7061706572L;
    private static final int MAX_ERRORS_LISTED = 100;
    /** The width of paper.source. */
    private static final int MAX_SOURCE = 40;

    private final AgroalDataSource dataSource;
    private final Event<PapersStored> stored;

    PaperImporter(AgroalDataSource dataSource, Event<PapersStored> stored) {
        this.dataSource = dataSource;
        this.stored = stored;
    }

    @Transactional
    public ImportResult importPapers(ParsedPapers parsed) {
        List<String> errors = new ArrayList<>();
        List<Paper> papers = new ArrayList<>();
        int index = 0;
        for (ParsedPapers.Entry entry : parsed.entries()) {
            index++;
            String problem = entry.problem();
            if (problem == null) {
                PaperChecks.Checked checked = PaperChecks.check(entry.paper());
                problem = checked.problem();
                checked.paper().ifPresent(papers::add);
            }
            if (problem != null && errors.size() < MAX_ERRORS_LISTED) {
                errors.add("paper " + index + ": " + problem);
            }
        }
        int received = parsed.entries().size();
        int rejected = received - papers.size();
        if (papers.isEmpty()) {
            return new ImportResult(received, 0, 0, 0, rejected, errors);
        }
        int added = 0;
        int updated = 0;
        try (Connection connection = dataSource.getConnection()) {
            try (Statement lock = connection.createStatement()) {
                lock.execute("select pg_advisory_xact_lock_shared(" + INGEST_LOCK + ")");
            }
            KnownPapers known = KnownPapers.load(connection, papers);
            for (Paper paper : papers) {
                switch (known.merge(paper)) {
                    case ADDED -> added++;
                    case UPDATED -> updated++;
                    case DUPLICATE -> {
                    }
                }
            }
            added -= known.write(connection, sourceName(parsed.source()));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store papers", e);
        }
        if (added + updated > 0) {
            stored.fire(new PapersStored(added, updated)); // observers that read the papers wait for the commit
        }
        return new ImportResult(received, added, updated, papers.size() - added - updated, rejected, errors);
    }

    /** The name stored with each paper: whatever a caller names its source, it fits the column. */
    private static String sourceName(String source) {
        String name = source == null || source.isBlank() ? "unknown" : source.strip();
        return name.length() > MAX_SOURCE ? name.substring(0, MAX_SOURCE) : name;
    }
}
