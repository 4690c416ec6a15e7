package dev.paperboy.paper;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** Stores the papers a parser read, each at most once however many sources bring it. */
@ApplicationScoped
public class PaperImporter {

    /** Advisory lock held shared while papers are written, taken exclusively by the digest planner to close its window. */
    public static final long INGEST_LOCK = 0x7061706572L;
    private static final int MAX_ERRORS_LISTED = 100;

    private static final String INSERT = """
            insert into paper (external_id, title_key, title, abstract, authors, categories, url, published, source)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict do nothing""";

    private final AgroalDataSource dataSource;

    PaperImporter(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional
    public ImportResult importPapers(ParsedPapers parsed) {
        int added = 0;
        int duplicates = 0;
        List<String> errors = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            try (var lock = connection.createStatement()) {
                lock.execute("select pg_advisory_xact_lock_shared(" + INGEST_LOCK + ")");
            }
            int index = 0;
            for (ParsedPapers.Entry entry : parsed.entries()) {
                index++;
                String problem = entry.problem();
                Paper paper = null;
                if (problem == null) {
                    PaperChecks.Checked checked = PaperChecks.check(entry.paper());
                    problem = checked.problem();
                    paper = checked.paper().orElse(null);
                }
                if (paper == null) {
                    if (errors.size() < MAX_ERRORS_LISTED) {
                        errors.add("paper " + index + ": " + problem);
                    }
                    continue;
                }
                if (insert(connection, insert, paper, parsed.source())) {
                    added++;
                } else {
                    duplicates++;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store papers", e);
        }
        int received = parsed.entries().size();
        return new ImportResult(received, added, duplicates, received - added - duplicates, errors);
    }

    private static boolean insert(Connection connection, PreparedStatement insert, Paper paper, String source)
            throws SQLException {
        insert.setString(1, paper.externalId);
        insert.setString(2, paper.titleKey);
        insert.setString(3, paper.title);
        insert.setString(4, paper.abstractText);
        insert.setArray(5, connection.createArrayOf("text", paper.authors));
        insert.setArray(6, connection.createArrayOf("text", paper.categories));
        insert.setString(7, paper.url);
        if (paper.published == null) {
            insert.setNull(8, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            insert.setTimestamp(8, Timestamp.from(paper.published));
        }
        insert.setString(9, source);
        return insert.executeUpdate() == 1;
    }
}
