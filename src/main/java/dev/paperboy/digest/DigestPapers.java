package dev.paperboy.digest;

import dev.paperboy.matching.Match;
import dev.paperboy.system.Sql;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Stores the papers of decided digests: the one place a digest's papers are written, so a new field is one edit. */
@ApplicationScoped
class DigestPapers {

    /** A digest just decided, whose subscriber it is, and its papers, best first. */
    record Decided(long digestId, long subscriberId, List<Match> papers) {
    }

    /** Writes the papers of many digests with one multi-row insert. */
    void store(Connection connection, List<Decided> digests) throws SQLException {
        List<Long> digestIds = new ArrayList<>();
        List<Long> subscribers = new ArrayList<>();
        List<Long> papers = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<Float> scores = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        List<String> interests = new ArrayList<>();
        List<Boolean> trending = new ArrayList<>();
        for (Decided digest : digests) {
            int position = 0;
            for (Match match : digest.papers()) {
                digestIds.add(digest.digestId());
                subscribers.add(digest.subscriberId());
                papers.add(match.paperId());
                positions.add(position++);
                scores.add(match.score());
                reasons.add(match.reason());
                interests.add(match.interest());
                trending.add(match.trending());
            }
        }
        if (papers.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into digest_paper (digest_id, subscriber_id, paper_id, position, score, reason, interest,
                                          trending)
                select * from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::int[], ?::real[], ?::text[], ?::text[],
                                     ?::boolean[])""")) {
            insert.setArray(1, Sql.array(connection, "bigint", digestIds));
            insert.setArray(2, Sql.array(connection, "bigint", subscribers));
            insert.setArray(3, Sql.array(connection, "bigint", papers));
            insert.setArray(4, Sql.array(connection, "int", positions));
            insert.setArray(5, Sql.array(connection, "real", scores));
            insert.setArray(6, Sql.array(connection, "text", reasons));
            insert.setArray(7, Sql.array(connection, "text", interests));
            insert.setArray(8, Sql.array(connection, "boolean", trending));
            insert.executeUpdate();
        }
    }
}
