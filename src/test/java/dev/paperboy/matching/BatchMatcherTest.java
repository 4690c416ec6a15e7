package dev.paperboy.matching;

import dev.paperboy.AdminApi;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The planner's seam: one matcher per window ranks a batch of subscribers, each by their own interests. */
@QuarkusTest
class BatchMatcherTest {

    @Inject
    MatchingService matching;

    @Inject
    AgroalDataSource dataSource;

    private Set<Long> mine = Set.of();

    /** A made-up word no other test's papers have, so this test's rankings hold only its own papers. */
    private static final String LICHEN = "lichenoid" + Long.toString(System.nanoTime() % 1_000_000, 36).replaceAll("[0-9]", "q");
    private static final String GLACIER = "glacieroid" + Long.toString(System.nanoTime() % 999_983, 36).replaceAll("[0-9]", "z");

    @Test
    void eachSubscriberOfABatchGetsThePapersOfTheirOwnInterestsWithinTheirWindow() {
        AdminApi.admin().contentType("application/json").body(("""
                [{"email": "batch.lichen@example.org", "interests": ["LICHEN symbiosis"]},
                 {"email": "batch.glacier@example.org", "interests": ["GLACIER calving"]},
                 {"email": "batch.nothing@example.org", "interests": ["zeppelin mooring"]}]""")
                .replace("LICHEN", LICHEN).replace("GLACIER", GLACIER))
                .post("/api/admin/subscribers").then().statusCode(200);
        AdminApi.importPapers("""
                [{"id": "batch-lichen-old", "title": "LICHEN symbiosis in deserts, an old survey",
                  "abstract": "An older look at LICHEN symbiosis."},
                 {"id": "batch-lichen-new", "title": "LICHEN symbiosis under drought",
                  "abstract": "LICHEN symbiosis and its partners under drought."},
                 {"id": "batch-glacier", "title": "GLACIER calving fronts from radar",
                  "abstract": "GLACIER calving observed by radar."}]""".replace("LICHEN", LICHEN).replace("GLACIER", GLACIER));
        Instant now = Instant.now();
        sql("update paper set ingested_at = ? where external_id = 'batch-lichen-old'",
                java.sql.Timestamp.from(now.minus(Duration.ofDays(3))));
        long lichen = id("select id from subscriber where email = 'batch.lichen@example.org'");
        long glacier = id("select id from subscriber where email = 'batch.glacier@example.org'");
        long nothing = id("select id from subscriber where email = 'batch.nothing@example.org'");
        long lichenNew = id("select id from paper where external_id = 'batch-lichen-new'");
        long lichenOld = id("select id from paper where external_id = 'batch-lichen-old'");
        long glacierPaper = id("select id from paper where external_id = 'batch-glacier'");
        mine = Set.of(lichenNew, lichenOld, glacierPaper);

        Instant until = now.plusSeconds(1);
        BatchMatcher matcher = matching.batch(until.minus(matching.window()), until);
        Map<Long, List<Match>> ranked = matcher.rank(List.of(
                new MatchRequest(lichen, now.minus(Duration.ofDays(1)), until, Set.of()),
                new MatchRequest(glacier, now.minus(Duration.ofDays(7)), until, Set.of()),
                new MatchRequest(nothing, now.minus(Duration.ofDays(7)), until, Set.of())));

        assertEquals(List.of(lichenNew), ids(ranked.get(lichen)), "the older lichen paper is before this window");
        assertEquals(List.of(glacierPaper), ids(ranked.get(glacier)));
        assertEquals(List.of(), ids(ranked.get(nothing)), "a subscriber nothing matches is answered, with no paper of ours");
        assertTrue(ranked.containsKey(nothing));
        assertTrue(ranked.get(lichen).get(0).reason().contains(LICHEN), ranked.get(lichen).get(0).reason());

        Map<Long, List<Match>> wider = matcher.rank(List.of(
                new MatchRequest(lichen, now.minus(Duration.ofDays(7)), until, Set.of(lichenNew))));
        assertEquals(List.of(lichenOld), ids(wider.get(lichen)), "a paper already sent is excluded");
        assertFalse(wider.containsKey(glacier), "only the batch's subscribers are answered");
        assertEquals(Map.of(), matcher.rank(List.of()));
    }

    @Test
    void theShardsOfARunShareOneMatcherSoEachInterestIsScoredOncePerRun() {
        Instant until = Instant.now();
        Instant oldest = until.minus(matching.window());
        for (int attempt = 0; ; attempt++) {
            PaperIndex before = matching.recentIndex(oldest);
            BatchMatcher shard = matching.batch(oldest, until);
            BatchMatcher nextShard = matching.batch(oldest, until);
            if (matching.recentIndex(oldest) == before || attempt == 5) {
                // another test's papers may come in meanwhile: that is another window, with its own matcher
                assertSame(shard, nextShard);
                break;
            }
        }
        Instant nextRun = until.plusSeconds(1);
        assertNotSame(matching.batch(oldest, until), matching.batch(nextRun.minus(matching.window()), nextRun));
    }

    /** The papers of this test among the matches: papers of other tests may come by meaning (lichens, glaciers). */
    private List<Long> ids(List<Match> matches) {
        return matches.stream().map(Match::paperId).filter(mine::contains).toList();
    }

    private long id(String sql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql);
             ResultSet rs = q.executeQuery()) {
            assertTrue(rs.next(), sql);
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private void sql(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement u = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                u.setObject(i + 1, args[i]);
            }
            u.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
