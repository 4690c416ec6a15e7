package dev.paperboy.digest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A shard's end locks its run's row without waiting for the run's planning batches (each holds the row FOR KEY SHARE
 * while it writes digests naming the run), and two shards' ends still wait for each other.
 */
@QuarkusTest
class RunLockTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aShardsEndDoesNotWaitForThePlanningBatchesButForAnotherShardsEnd() throws Exception {
        long run = newRun();
        try (Connection batch = open(); Connection end = open(); Connection otherEnd = open()) {
            // what the foreign key check of a batch's digests holds until the batch commits
            lock(batch, "select id from digest_run where id = ? for key share", run);
            assertEquals(1, lock(end, RunShards.LOCK_RUN.replace("?1", "?"), run), "the shard's end went through");
            SQLException waited = assertThrows(SQLException.class,
                    () -> lock(otherEnd, RunShards.LOCK_RUN.replace("?1", "?"), run));
            assertTrue("55P03".equals(waited.getSQLState()), "another shard's end waits: " + waited);
            batch.rollback();
            end.rollback();
            otherEnd.rollback();
        } finally {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement delete = connection.prepareStatement("delete from digest_run where id = ?")) {
                delete.setLong(1, run);
                delete.executeUpdate();
            }
        }
    }

    private Connection open() throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        try (Statement set = connection.createStatement()) {
            set.execute("set local lock_timeout = '500ms'");
        }
        return connection;
    }

    private static int lock(Connection connection, String sql, long run) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(sql)) {
            lock.setLong(1, run);
            try (ResultSet rows = lock.executeQuery()) {
                int n = 0;
                while (rows.next()) {
                    n++;
                }
                return n;
            }
        }
    }

    private long newRun() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into digest_run (state, forced, run_at) values ('finished', true, now()) returning id");
             ResultSet row = insert.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
