package dev.paperboy.digest;

import dev.paperboy.paper.Paper;
import dev.paperboy.system.Sql;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

/** What a digest's mail or page shows of its papers (its rows, the papers), read as plain values on a given connection. */
final class ShownPapers {

    private ShownPapers() {
    }

    /** One paper of a stored digest: which, why, and for which interest. */
    record Row(long digestId, long paperId, String reason, String interest, boolean trending) {
    }

    /**
     * The papers of many digests, one row each, each digest's in order. Read from the lists themselves, one row of
     * arrays per digest (already best first): the view digest_paper made PostgreSQL unnest every list and sort half a
     * million rows a 20,000 run (the fourth largest item of its time), and the node decode 25 rows a digest.
     */
    static List<Row> rows(Connection connection, Collection<Long> digestIds) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                select digest_id, paper_ids, reasons, interests, array_to_string(trending, '', 'f')
                from digest_paper_list
                where digest_id = any(?) order by digest_id""")) {
            query.setArray(1, Sql.array(connection, "bigint", digestIds));
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    addRows(rows, result);
                }
            }
        }
        return rows;
    }

    private static void addRows(List<Row> rows, ResultSet result) throws SQLException {
        long digestId = result.getLong(1);
        Long[] paperIds = (Long[]) result.getArray(2).getArray();
        String[] reasons = (String[]) result.getArray(3).getArray();
        String[] interests = (String[]) result.getArray(4).getArray();
        // one 't' or 'f' a paper: pgjdbc reads no boolean[] in binary, so each digest's flags went through its text
        // array parser (ArrayDecoding.buildArrayList, C2-compiled twice in a 20,000 run, ~1.3 s of compile time)
        String trending = result.getString(5);
        for (int i = 0; i < paperIds.length; i++) {
            rows.add(new Row(digestId, paperIds[i], reasons[i], interests[i], trending.charAt(i) == 't'));
        }
    }

    /** The papers that the first {@code shown} rows of each digest hold. */
    static Set<Long> ids(List<Row> rows, ToLongFunction<Long> shown) {
        Set<Long> paperIds = new HashSet<>();
        Map<Long, Integer> positions = new HashMap<>();
        for (Row row : rows) {
            if (positions.merge(row.digestId, 1, Integer::sum) <= shown.applyAsLong(row.digestId)) {
                paperIds.add(row.paperId);
            }
        }
        return paperIds;
    }

    /**
     * What a mail shows of each paper, read as plain values rather than whole entities: its title, authors, link and
     * revision (the explanation is matching's, by id), not the abstract, categories and the rest that an entity loads
     * and Hibernate then tracks for a flush that never comes.
     */
    static Map<Long, Paper> read(Connection connection, Collection<Long> ids) throws SQLException {
        Map<Long, Paper> papers = new HashMap<>();
        if (ids.isEmpty()) {
            return papers;
        }
        try (PreparedStatement query = connection.prepareStatement(
                "select id, revision, title, authors, url from paper where id = any(?)")) {
            query.setArray(1, Sql.array(connection, "bigint", ids));
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    Paper paper = paper(result);
                    papers.put(paper.id, paper);
                }
            }
        }
        return papers;
    }

    /** How many statements have changed papers so far (V23): the same sum later means no paper changed meanwhile. */
    static long changes(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select coalesce(sum(changes), 0)::bigint from paper_change");
             ResultSet result = query.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    private static Paper paper(ResultSet result) throws SQLException {
        Paper paper = new Paper();
        paper.id = result.getLong(1);
        paper.revision = result.getLong(2);
        paper.title = result.getString(3);
        Array authors = result.getArray(4);
        paper.authors = authors == null ? null : (String[]) authors.getArray();
        paper.url = result.getString(5);
        return paper;
    }

    /**
     * Adds the abstracts of these papers (read by {@link #read}) in one query, for explaining them. An abstract whose
     * paper changed since it was read stays unread: that one is explained from the paper as it is now.
     */
    static void readAbstracts(Connection connection, Collection<Long> ids, Map<Long, Paper> papers)
            throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement query = connection.prepareStatement(
                "select id, revision, abstract from paper where id = any(?)")) {
            query.setArray(1, Sql.array(connection, "bigint", ids));
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    Paper paper = papers.get(result.getLong(1));
                    if (paper.revision == result.getLong(2)) {
                        paper.abstractText = result.getString(3);
                    }
                }
            }
        }
    }
}
