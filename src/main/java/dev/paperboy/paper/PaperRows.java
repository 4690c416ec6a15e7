package dev.paperboy.paper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;

/** The paper table as plain JDBC: rows read into {@link Paper}s, and papers written in batches. */
final class PaperRows {

    /** The columns with a unique index: a row whose update names them is locked against foreign key checks. */
    private static final String KEYS = "external_id, title_key";
    private static final String CONTENT = "title, abstract, authors, categories, url, published, version, upvotes,"
            + " primary_category, updated, pdf_url";
    static final String COLUMNS = KEYS + ", " + CONTENT;
    private static final String INSERT = "insert into paper (" + COLUMNS + ", source)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing";
    private static final String UPDATE = "update paper set (" + CONTENT + ")"
            + " = (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) where id = ?";
    // Naming a key column in an update (with paper's before-update triggers) takes the row lock that waits for
    // every foreign key check on the paper (its vector, a feedback click), so keys are set apart and only where
    // they differ: the rows that keep theirs are never matched, never locked that way.
    private static final String REKEY = "update paper set (" + KEYS + ") = (?, ?)"
            + " where id = ? and (" + KEYS + ") is distinct from (?, ?)";

    private PaperRows() {
    }

    static Paper read(ResultSet row) throws SQLException {
        Paper paper = new Paper();
        paper.id = row.getLong("id");
        paper.externalId = row.getString("external_id");
        paper.titleKey = row.getString("title_key");
        paper.title = row.getString("title");
        paper.abstractText = row.getString("abstract");
        paper.authors = (String[]) row.getArray("authors").getArray();
        paper.categories = (String[]) row.getArray("categories").getArray();
        paper.url = row.getString("url");
        paper.published = instant(row.getTimestamp("published"));
        paper.version = (Integer) row.getObject("version");
        paper.upvotes = (Integer) row.getObject("upvotes");
        paper.primaryCategory = row.getString("primary_category");
        paper.updated = instant(row.getTimestamp("updated"));
        paper.pdfUrl = row.getString("pdf_url");
        return paper;
    }

    /** Inserts the papers in one batch; returns how many were there already (stored meanwhile by another import). */
    static int insert(Connection connection, Collection<Paper> papers, String source) throws SQLException {
        if (papers.isEmpty()) {
            return 0;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Paper paper : papers) {
                int i = setCommon(connection, insert, paper, 1);
                insert.setString(i, source);
                insert.addBatch();
            }
            int lost = 0;
            for (int count : insert.executeBatch()) {
                lost += count == 0 ? 1 : 0;
            }
            return lost;
        }
    }

    static void update(Connection connection, Collection<Paper> papers) throws SQLException {
        if (papers.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(UPDATE);
             PreparedStatement rekey = connection.prepareStatement(REKEY)) {
            for (Paper paper : papers) {
                int i = setContent(connection, update, paper, 1);
                update.setLong(i, paper.id);
                update.addBatch();
                rekey.setString(1, paper.externalId);
                rekey.setString(2, paper.titleKey);
                rekey.setLong(3, paper.id);
                rekey.setString(4, paper.externalId);
                rekey.setString(5, paper.titleKey);
                rekey.addBatch();
            }
            update.executeBatch();
            rekey.executeBatch();
        }
    }

    /** Sets the {@link #COLUMNS} from {@code first} on; returns the next parameter index. */
    private static int setCommon(Connection connection, PreparedStatement statement, Paper paper, int first)
            throws SQLException {
        statement.setString(first, paper.externalId);
        statement.setString(first + 1, paper.titleKey);
        return setContent(connection, statement, paper, first + 2);
    }

    /** Sets the {@link #CONTENT} columns from {@code first} on; returns the next parameter index. */
    private static int setContent(Connection connection, PreparedStatement statement, Paper paper, int first)
            throws SQLException {
        int i = first;
        statement.setString(i++, paper.title);
        statement.setString(i++, paper.abstractText);
        statement.setArray(i++, connection.createArrayOf("text", paper.authors));
        statement.setArray(i++, connection.createArrayOf("text", paper.categories));
        statement.setString(i++, paper.url);
        setInstant(statement, i++, paper.published);
        setInteger(statement, i++, paper.version);
        setInteger(statement, i++, paper.upvotes);
        statement.setString(i++, paper.primaryCategory);
        setInstant(statement, i++, paper.updated);
        statement.setString(i++, paper.pdfUrl);
        return i;
    }

    private static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setTimestamp(index, Timestamp.from(instant));
        }
    }

    private static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
