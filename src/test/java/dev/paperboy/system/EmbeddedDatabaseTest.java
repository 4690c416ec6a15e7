package dev.paperboy.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded PostgreSQL keeps data like a real one, and comes back after its JVM was killed. */
class EmbeddedDatabaseTest {

    @TempDir
    Path dataDir;

    @Test
    void runsWithFsyncAndSynchronousCommitOn() throws Exception {
        EmbeddedDatabase database = EmbeddedDatabase.start(dataDir);
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password())) {
            assertEquals("on", show(connection, "fsync"));
            assertEquals("on", show(connection, "synchronous_commit"));
            assertEquals("on", show(connection, "full_page_writes"));
        } finally {
            database.stop();
        }
    }

    @Test
    void startsAgainAfterItsJvmWasKilledAndKeepsCommittedData() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledHolder.class.getName(), dataDir.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals(KilledHolder.READY)) {
                // the child's log
            }
        }
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);  // SIGKILL: no shutdown hook runs
        Path pidFile = dataDir.resolve("postgres/postmaster.pid");
        assertTrue(Files.exists(pidFile), "the orphaned postmaster still holds its pid file");
        long orphan = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        assertTrue(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false), "the orphan is still running");

        EmbeddedDatabase database = EmbeddedDatabase.start(dataDir);
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select note from survivor")) {
            assertTrue(rows.next());
            assertEquals("committed before the kill", rows.getString(1));
        } finally {
            database.stop();
        }
        assertTrue(ProcessHandle.of(orphan).map(p -> !p.isAlive()).orElse(true), "the orphan was stopped");
    }

    @Test
    void aSecondStartOnADataDirInUseLeavesTheRunningServerAlone() throws Exception {
        Process child = startHolder();
        try {
            long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());

            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> EmbeddedDatabase.start(dataDir));

            assertTrue(refused.getMessage().contains("in use by another running Paperboy"), refused.getMessage());
            assertTrue(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false),
                    "the running node's server was stopped by a second start");
        } finally {
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        EmbeddedDatabase.start(dataDir).stop();  // once its JVM is gone the server is stale: taken over, then stopped
    }

    private Process startHolder() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledHolder.class.getName(), dataDir.toString())
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.equals(KilledHolder.READY)) {
            // the child's log
        }
        return child;
    }

    private static String show(Connection connection, String setting) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Run in a child JVM: starts the database, commits a row, says so, and waits to be killed. */
    public static final class KilledHolder {
        static final String READY = "READY-TO-BE-KILLED";

        public static void main(String[] args) throws Exception {
            EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(args[0]));
            try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                 Statement statement = connection.createStatement()) {
                statement.execute("create table survivor (note text)");
                statement.execute("insert into survivor values ('committed before the kill')");
            }
            System.out.println(READY);
            System.out.flush();
            Thread.sleep(600_000);
        }
    }
}
