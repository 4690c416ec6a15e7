package dev.paperboy.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Password authentication for the embedded server: every connection, local ones included, must prove the password
 * kept in the data dir's secrets. Without it, any local user could log in as superuser and read Paperboy's files,
 * its secrets among them, with {@code pg_read_file}.
 */
final class EmbeddedDatabaseAuth {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabaseAuth.class);
    private static final String HBA = """
            # Paperboy's embedded PostgreSQL: every connection proves the password (database-password in secrets.properties)
            # TYPE  DATABASE  USER  ADDRESS       METHOD
            local   all       all                 scram-sha-256
            host    all       all   127.0.0.1/32  scram-sha-256
            host    all       all   ::1/128       scram-sha-256
            """;
    private static final Pattern TRUST = Pattern.compile("(?m)^\\s*[^#\\s].*\\strust(\\s|$)");
    private static final Pattern PASSWORD = Pattern.compile("[A-Za-z0-9_-]{20,}");

    private EmbeddedDatabaseAuth() {
    }

    /** Makes initdb set the superuser's password and write scram-sha-256 for every connection into pg_hba.conf. */
    static void initdbWithPassword(EmbeddedPostgres.Builder builder, Path passwordFile) {
        // zonky runs "initdb -A trust ..." and appends its locale options as --key=value; initdb takes the last --auth
        builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", passwordFile.toString());
    }

    /** A file only Paperboy's user can read, holding the password for initdb; the caller deletes it. */
    static Path passwordFile(Path directory, String password) throws IOException {
        Path file = Files.createTempFile(directory, "initdb-", ".pw",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, password + "\n");
        return file;
    }

    /** Whether pg_hba.conf still lets some connection in without a password (a data dir made before passwords). */
    static boolean trusting(Path pgData) throws IOException {
        Path hba = pgData.resolve("pg_hba.conf");
        return Files.exists(hba) && TRUST.matcher(Files.readString(hba)).find();
    }

    /**
     * Secures a running server created with {@code trust}: sets the superuser's password, rewrites pg_hba.conf, reloads
     * it, and checks that a connection without the password is now refused.
     */
    static void secure(EmbeddedPostgres postgres, String jdbcUrl, String password, Path pgData) throws IOException {
        if (!PASSWORD.matcher(password).matches()) {
            throw new IllegalStateException("The database password in secrets.properties is not a generated one");
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("set password_encryption = 'scram-sha-256'");
            statement.execute("alter role " + EmbeddedDatabase.SUPERUSER + " password '" + password + "'");
            Path next = pgData.resolve("pg_hba.conf.paperboy");
            Files.writeString(next, HBA);
            Files.move(next, pgData.resolve("pg_hba.conf"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            statement.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set a password on the embedded PostgreSQL in " + pgData, e);
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (opensWithoutPassword(jdbcUrl)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The embedded PostgreSQL in " + pgData + " still lets connections in without a password");
            }
            sleep();
        }
        LOG.infof("The embedded PostgreSQL in %s now asks every connection for its password", pgData);
    }

    /** True while the server still lets a connection without a password in (or cannot tell yet). */
    private static boolean opensWithoutPassword(String jdbcUrl) {
        try (Connection ignored = DriverManager.getConnection(jdbcUrl, EmbeddedDatabase.SUPERUSER, null)) {
            return true;
        } catch (SQLException e) {
            boolean askedForPassword = String.valueOf(e.getSQLState()).startsWith("28")
                    || String.valueOf(e.getMessage()).contains("password");
            return !askedForPassword;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
