package dev.paperboy.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Another local user cannot get into the embedded PostgreSQL: every connection needs the password kept in the data dir. */
class EmbeddedDatabaseAuthTest {

    @TempDir
    Path dataDir;

    private Path secrets() {
        return dataDir.resolve("secrets.properties");
    }

    /** What another local user would try: the superuser, and a read of Paperboy's secrets through the server. */
    private static void assertRefused(EmbeddedDatabase database, String password) {
        SQLException refused = assertThrows(SQLException.class, () -> {
            try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), "postgres", password);
                 Statement statement = connection.createStatement()) {
                statement.executeQuery("select pg_read_file('secrets.properties')");
            }
        }, "a connection with password " + password + " is refused");
        assertTrue(refused.getMessage().contains("password"), refused.getMessage());
    }

    private static String query(EmbeddedDatabase database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
             Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            assertTrue(rows.next());
            return rows.getString(1);
        }
    }

    @Test
    void aConnectionWithoutThePasswordIsRefused() throws Exception {
        EmbeddedDatabase database = EmbeddedDatabase.start(dataDir);
        try {
            assertRefused(database, null);
            assertRefused(database, "");
            assertRefused(database, "postgres");
            assertEquals("1", query(database, "select 1"), "the password from the data dir opens it");

            Properties stored = new Properties();
            try (var reader = Files.newBufferedReader(secrets())) {
                stored.load(reader);
            }
            assertEquals(database.password(), stored.getProperty("database-password"));
            assertTrue(database.password().length() >= 32, "a generated password of 24 random bytes");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets())));
            assertEquals("", query(database, "show unix_socket_directories"), "no Unix socket: localhost TCP only");
            assertFalse(Files.readString(dataDir.resolve("postgres/pg_hba.conf")).matches("(?s).*\\strust\\b.*"));
            try (var files = Files.list(dataDir)) {
                assertEquals(0, files.filter(f -> f.getFileName().toString().endsWith(".pw")).count(),
                        "initdb's password file is gone");
            }
        } finally {
            database.stop();
        }
        EmbeddedDatabase again = EmbeddedDatabase.start(dataDir);
        try {
            assertEquals("1", query(again, "select 1"), "the next start uses the same password");
            assertRefused(again, null);
        } finally {
            again.stop();
        }
    }

    /** A data dir from before passwords (initdb with trust) gets its password and pg_hba.conf on the next start. */
    @Test
    void aDataDirCreatedWithTrustIsSecuredOnStartAndKeepsItsData() throws Exception {
        try (EmbeddedPostgres legacy = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false).start();
             Connection connection = legacy.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create table kept (note text)");
            statement.execute("insert into kept values ('from before passwords')");
        }
        assertTrue(Files.readString(dataDir.resolve("postgres/pg_hba.conf")).contains("trust"), "made the old way");

        EmbeddedDatabase database = EmbeddedDatabase.start(dataDir);
        try {
            assertRefused(database, null);
            assertRefused(database, "wrong");
            assertEquals("from before passwords", query(database, "select note from kept"));
            assertTrue(Files.readString(secrets()).contains("database-password="));
        } finally {
            database.stop();
        }
    }

    @Test
    void aProtectedServerWhoseSecretsAreLostSaysWhatIsMissing() {
        EmbeddedDatabase.start(dataDir).stop();
        assertTrue(secrets().toFile().delete());
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> EmbeddedDatabase.start(dataDir));
        assertTrue(missing.getMessage().contains("database-password") && missing.getMessage().contains(secrets().toString()),
                missing.getMessage());
    }
}
