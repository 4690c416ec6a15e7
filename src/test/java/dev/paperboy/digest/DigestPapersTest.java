package dev.paperboy.digest;

import dev.paperboy.AdminApi;
import dev.paperboy.People;
import dev.paperboy.Rows;
import dev.paperboy.matching.Match;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A digest's papers reach their rows as they were decided, whatever their reasons hold, across COPY's chunks. */
@QuarkusTest
class DigestPapersTest {

    @Inject
    DigestPapers digestPapers;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void awkwardReasonsNullInterestsAndManyRowsComeBackUnchanged() throws Exception {
        long subscriber = subscriber("digest.papers", "copy escapes");
        List<Long> paperIds = papers("Copy", 3);
        // awkward text, and a digest big enough (a long reason per row) to span several of COPY's chunks
        List<Match> first = List.of(
                new Match(paperIds.get(0), 0.75f, "tab\there", "a \\N back\\slash, \\. and\ttab\nnew\r\nline “curly” 😀"),
                new Match(paperIds.get(1), 1.0E-5f, null, "trending only", true),
                new Match(paperIds.get(2), 0.5f, "\\N", "x".repeat(70_000) + "\\"));
        long digest = newDigest(subscriber);
        try (Connection connection = dataSource.getConnection()) {
            digestPapers.store(connection, List.of(new DigestPapers.Decided(digest, subscriber, first),
                    new DigestPapers.Decided(newDigest(subscriber), subscriber, List.of())));
        }
        List<String> expected = new ArrayList<>();
        int position = 0;
        for (Match match : first) {
            expected.add(position++ + "|" + match.paperId() + "|" + match.score() + "|" + match.interest() + "|"
                    + match.reason() + "|" + match.trending() + "|" + subscriber);
        }
        assertEquals(expected, rows(digest));
    }

    /** Reasons and interests that many digests of a batch repeat (each encoded once per batch) reach every row. */
    @Test
    void valuesRepeatedAcrossTheDigestsOfABatchReachEachRow() throws Exception {
        long subscriber = subscriber("digest.papers.repeated", "copy repeats");
        List<Long> paperIds = papers("Repeat", 4);
        String[] interests = {"graph “neural” networks", "ünïcode interest", null, "graph"};
        String[] reasons = {"Matches “graph”", "Also matches “ünïcode”", "Trending", "Matches “graph”"};
        List<DigestPapers.Decided> batch = new ArrayList<>();
        Map<Long, List<String>> expected = new java.util.HashMap<>();
        for (int d = 0; d < 300; d++) {
            List<Match> matches = new ArrayList<>();
            List<String> rows = new ArrayList<>();
            for (int p = 0; p < 1 + d % 4; p++) {
                // the same few values in ever other combinations, and every 50th digest a value of its own
                String interest = d % 50 == 0 && p == 0 ? "own " + d : interests[(d + p) % 4];
                String reason = reasons[(d * 3 + p) % 4];
                Match match = new Match(paperIds.get(p), 0.25f * p, interest, reason, interest == null);
                matches.add(match);
                rows.add(p + "|" + match.paperId() + "|" + match.score() + "|" + interest + "|" + reason + "|"
                        + match.trending() + "|" + subscriber);
            }
            long digest = newDigest(subscriber);
            batch.add(new DigestPapers.Decided(digest, subscriber, matches));
            expected.put(digest, rows);
        }
        try (Connection connection = dataSource.getConnection()) {
            digestPapers.store(connection, batch);
        }
        for (DigestPapers.Decided digest : batch) {
            assertEquals(expected.get(digest.digestId()), rows(digest.digestId()));
        }
    }

    /**
     * The foreign keys' guarantees, checked per statement (V17, V18): no list without its digest (of its subscriber)
     * and papers, a digest deleted takes its papers along (and so does its subscriber), a paper in a digest cannot be
     * deleted.
     */
    @Test
    void rowsNeedTheirDigestAndPaperAndGoWithTheirDigestOrSubscriber() throws Exception {
        String email = People.address("digest.papers.keys");
        String tag = People.marker();
        People.subscribe(email, "copy keys");
        AdminApi.admin().contentType(ContentType.JSON)
                .body(List.of(Map.of("id", "keys-" + tag, "title", "Keys " + tag, "abstract", "text")))
                .post("/api/admin/papers").then().statusCode(200);
        long subscriber = Rows.number("select id from subscriber where email_key = ?", email.toLowerCase());
        long paper = Rows.number("select id from paper where title = ?", "Keys " + tag);
        long missing = Rows.number("select coalesce(max(id), 0) + 1000 from paper");
        long digest = newDigest(subscriber);
        assertRefused(() -> store(new DigestPapers.Decided(digest, subscriber, List.of(new Match(missing, 1, "i", "r")))));
        long noDigest = Rows.number("select coalesce(max(id), 0) + 1000 from digest");
        assertRefused(() -> store(new DigestPapers.Decided(noDigest, subscriber, List.of(new Match(paper, 1, "i", "r")))));
        assertRefused(() -> Rows.update("""
                insert into digest_paper_list (digest_id, subscriber_id, paper_ids, scores, reasons, interests, trending)
                values (?, ?, array[?::bigint], '{1}', '{r}', '{i}', '{f}')""", noDigest, subscriber, paper));
        String other = People.address("digest.papers.other");
        People.subscribe(other, "copy keys");
        long otherSubscriber = Rows.number("select id from subscriber where email_key = ?", other.toLowerCase());
        assertRefused(() -> store(new DigestPapers.Decided(digest, otherSubscriber, List.of(new Match(paper, 1, "i", "r")))));
        assertEquals(0, Rows.number("select count(*) from digest_paper where subscriber_id = ?", subscriber));

        store(new DigestPapers.Decided(digest, subscriber, List.of(new Match(paper, 1, "i", "r"))));
        assertRefused(() -> Rows.update("delete from paper where id = ?", paper));
        assertEquals(1, Rows.number("select count(*) from paper where id = ?", paper));
        Rows.update("delete from digest where id = ?", digest);
        assertEquals(0, Rows.number("select count(*) from digest_paper where subscriber_id = ?", subscriber));

        long second = newDigest(subscriber);
        store(new DigestPapers.Decided(second, subscriber, List.of(new Match(paper, 1, "i", "r"))));
        assertEquals(1, Rows.number("select count(*) from digest_paper where digest_id = ?", second));
        Rows.update("delete from subscriber where id = ?", subscriber);
        assertEquals(0, Rows.number("select count(*) from digest_paper where subscriber_id = ?", subscriber));
        assertEquals(1, Rows.update("delete from paper where id = ?", paper), "once in no digest, a paper can go");
    }

    /**
     * A list being written locks none of its papers (V21): a paper's deletion waits for the lists being written instead,
     * then refuses when one names it, and a list written while a deletion is open waits for it, then refuses too.
     */
    @Test
    void aListBeingWrittenLocksNoPaperAndADeletionWaitsForItInstead() throws Exception {
        String email = People.address("digest.papers.locks");
        String tag = People.marker();
        People.subscribe(email, "copy locks");
        AdminApi.admin().contentType(ContentType.JSON)
                .body(List.of(Map.of("id", "locks-" + tag, "title", "Locks " + tag, "abstract", "text"),
                        Map.of("id", "gone-" + tag, "title", "Gone " + tag, "abstract", "text")))
                .post("/api/admin/papers").then().statusCode(200);
        long subscriber = Rows.number("select id from subscriber where email_key = ?", email.toLowerCase());
        long paper = Rows.number("select id from paper where title = ?", "Locks " + tag);
        long gone = Rows.number("select id from paper where title = ?", "Gone " + tag);
        try (Connection writer = dataSource.getConnection(); Connection other = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            digestPapers.store(writer, List.of(new DigestPapers.Decided(newDigest(subscriber), subscriber,
                    List.of(new Match(paper, 1, "i", "r")))));
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("select id from paper where id = ? for update nowait")) {
                lock.setLong(1, paper);
                assertTrue(lock.executeQuery().next(), "the paper of a list being written is not locked");
            }
            other.rollback();
            execute(other, "set local lock_timeout = '300ms'");
            assertWaits(() -> update(other, "delete from paper where id = ?", paper));
            other.rollback();
            writer.commit();
            other.setAutoCommit(true);
            assertRefused(() -> update(other, "delete from paper where id = ?", paper));

            other.setAutoCommit(false);
            assertEquals(1, update(other, "delete from paper where id = ?", gone));
            execute(writer, "set local lock_timeout = '300ms'");
            long digest = newDigest(subscriber);
            assertWaits(() -> digestPapers.store(writer, List.of(new DigestPapers.Decided(digest, subscriber,
                    List.of(new Match(gone, 1, "i", "r"))))));
            writer.rollback();
            other.commit();
            assertRefused(() -> digestPapers.store(writer, List.of(new DigestPapers.Decided(digest, subscriber,
                    List.of(new Match(gone, 1, "i", "r"))))));
            writer.rollback();

            other.setAutoCommit(false);
            execute(other, "set transaction isolation level repeatable read");
            Throwable refused = assertThrows(Exception.class, () -> update(other, "delete from paper where id = ?", paper));
            assertTrue(refused.getMessage().contains("READ COMMITTED"), refused.getMessage());
            other.rollback();
        }
        assertEquals(1, Rows.number("select count(*) from paper where id = ?", paper));
        assertEquals(1, Rows.number("select count(*) from digest_paper where subscriber_id = ?", subscriber));
    }

    private static void execute(Connection connection, String sql) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        }
    }

    private static int update(Connection connection, String sql, long id) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, id);
            return statement.executeUpdate();
        }
    }

    /** The statement waited for another transaction's lock until its lock_timeout. */
    private static void assertWaits(Executable write) {
        Throwable e = assertThrows(java.sql.SQLException.class, write);
        assertEquals("55P03", ((java.sql.SQLException) e).getSQLState(), e.getMessage());
    }

    private void store(DigestPapers.Decided digest) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            digestPapers.store(connection, List.of(digest));
        }
    }

    private static void assertRefused(Executable write) {
        Throwable e = assertThrows(Exception.class, write);
        while (e.getCause() != null && !(e instanceof java.sql.SQLException)) {
            e = e.getCause();
        }
        assertTrue(e.getMessage().contains("does not exist") || e.getMessage().contains("is in a digest"),
                e.getMessage());
    }

    private static long subscriber(String name, String interest) {
        String email = People.address(name);
        People.subscribe(email, interest);
        return Rows.number("select id from subscriber where email_key = ?", email.toLowerCase());
    }

    /** {@code count} new papers titled "{@code title} (a tag of their own) i", their ids in that order. */
    private static List<Long> papers(String title, int count) {
        String tag = People.marker();
        List<Map<String, Object>> papers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            papers.add(Map.of("id", title.toLowerCase() + "-" + tag + "-" + i, "title", title + " " + tag + " " + i,
                    "abstract", "text"));
        }
        AdminApi.admin().contentType(ContentType.JSON).body(papers).post("/api/admin/papers").then().statusCode(200);
        List<Long> paperIds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            paperIds.add(Rows.number("select id from paper where title = ?", title + " " + tag + " " + i));
        }
        return paperIds;
    }

    private static long newDigest(long subscriber) {
        String key = UUID.randomUUID().toString().replace("-", "");
        Rows.update("""
                insert into digest (token_key, subscriber_id, period, zone, state, papers_since, papers_until, decided_as_of)
                values (?, ?, ?, 'UTC', 'queued', now() - interval '1 day', now(), now())""", key, subscriber, key.substring(0, 16));
        return Rows.number("select id from digest where token_key = ?", key);
    }

    private List<String> rows(long digest) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     select position, paper_id, score, interest, reason, trending, subscriber_id from digest_paper
                     where digest_id = ? order by position""")) {
            query.setLong(1, digest);
            List<String> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getInt(1) + "|" + result.getLong(2) + "|" + result.getFloat(3) + "|"
                            + result.getString(4) + "|" + result.getString(5) + "|" + result.getBoolean(6) + "|"
                            + result.getLong(7));
                }
            }
            return rows;
        }
    }
}
