package dev.paperboy.digest;

import dev.paperboy.paper.Paper;
import dev.paperboy.system.Sql;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** The papers a digest's mail or page shows, read as plain values on the caller's connection. */
final class ShownPapers {

    private ShownPapers() {
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
