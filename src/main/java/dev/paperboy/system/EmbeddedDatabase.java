package dev.paperboy.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * A real PostgreSQL server from Maven jars, kept durable under the data directory. It listens on localhost only (no
 * Unix socket) and asks every connection for a generated password kept in the data dir's secrets.
 */
public final class EmbeddedDatabase {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);

    private static final String IN_USE = "dev.paperboy.embedded-database";
    static final String SUPERUSER = "postgres";
    static final String PASSWORD_KEY = "database-password";

    private final EmbeddedPostgres postgres;
    private final String password;

    private EmbeddedDatabase(EmbeddedPostgres postgres, String password) {
        this.postgres = postgres;
        this.password = password;
    }

    /** Starts (and on first use creates) the server whose files live in {@code dataDir/postgres}. */
    public static EmbeddedDatabase start(Path dataDir) {
        Path pgData = dataDir.toAbsolutePath().resolve("postgres");
        Path passwordFile = null;
        try {
            Files.createDirectories(pgData);
            refuseIfInUse(pgData);
            stopStaleServer(pgData);
            boolean fresh = !Files.exists(pgData.resolve("postgresql.conf"));
            boolean trusting = !fresh && EmbeddedDatabaseAuth.trusting(pgData);
            String password = password(new SecretsFile(dataDir), fresh || trusting, pgData);
            // The library starts postgres with -F (fsync off); the -c options come after it and win.
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData.toFile())
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("unix_socket_directories", "")
                    .setConnectConfig("password", password)
                    .setPGStartupWait(Duration.ofSeconds(60));
            if (fresh) {
                passwordFile = EmbeddedDatabaseAuth.passwordFile(dataDir.toAbsolutePath(), password);
                EmbeddedDatabaseAuth.initdbWithPassword(builder, passwordFile);
            }
            EmbeddedPostgres postgres = builder.start();
            EmbeddedDatabase database = new EmbeddedDatabase(postgres, password);
            if (trusting) {
                EmbeddedDatabaseAuth.secure(postgres, database.jdbcUrl(), password, pgData);
            }
            LOG.infof("Embedded PostgreSQL on port %d, data in %s", postgres.getPort(), pgData);
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + pgData, e);
        } finally {
            deleteQuietly(passwordFile);
        }
    }

    /** The stored password; a new one for a server that has none yet (new, or made before passwords). */
    private static String password(SecretsFile secrets, boolean mayCreate, Path pgData) {
        Properties stored = secrets.load();
        String password = stored.getProperty(PASSWORD_KEY);
        if (password != null && !password.isBlank()) {
            return password.strip();
        }
        if (!mayCreate) {
            throw new IllegalStateException("The embedded PostgreSQL in " + pgData + " asks for the password kept as "
                    + PASSWORD_KEY + " in " + secrets.path() + ", which is missing: restore that file from where you keep it");
        }
        stored.setProperty(PASSWORD_KEY, Secrets.randomToken(24));
        secrets.save(stored);
        return stored.getProperty(PASSWORD_KEY);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warnf("Could not delete %s", file);
            }
        }
    }

    /** Points Quarkus' default datasource at this server. */
    public void exportAsQuarkusDatasource() {
        System.setProperty(IN_USE, "true");
        System.setProperty("quarkus.datasource.jdbc.url", jdbcUrl());
        System.setProperty("quarkus.datasource.username", SUPERUSER);
        System.setProperty("quarkus.datasource.password", password);
    }

    /** Whether this process runs on the embedded server (rather than an operator's PostgreSQL). */
    public static boolean inUse() {
        return Boolean.getBoolean(IN_USE);
    }

    public String username() {
        return SUPERUSER;
    }

    /** The superuser's password, from {@code secrets.properties} in the data dir. */
    public String password() {
        return password;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    public void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Could not stop the embedded PostgreSQL", e);
        }
    }

    /** A postgres process serving this data dir; a reused pid of any other process is left alone. */
    private static boolean isPostmasterOf(ProcessHandle process, Path pgData) {
        boolean postgres = process.info().command().map(c -> c.endsWith("postgres")).orElse(false);
        return postgres && process.info().commandLine().map(line -> line.contains(pgData.toString())).orElse(true);
    }

    /**
     * A running Paperboy holds the library's lock on {@code epg-lock} for as long as it lives; its server is not
     * stale, and stopping it would take the database from under that node. Only a dead JVM's lock is free.
     */
    static void refuseIfInUse(Path pgData) throws IOException {
        Path lockFile = pgData.resolve("epg-lock");
        if (!Files.exists(lockFile)) {
            return;
        }
        boolean held;
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            held = lock == null;
        } catch (OverlappingFileLockException sameJvm) {
            held = true;
        }
        if (held) {
            throw new IllegalStateException("The data dir " + pgData.getParent() + " is in use by another running "
                    + "Paperboy (it holds " + lockFile + "): stop that one first, or give this one its own "
                    + "PAPERBOY_DATA_DIR");
        }
    }

    /**
     * After the JVM is killed (SIGKILL), its postmaster lives on and keeps postmaster.pid, so a new
     * start would fail. Stop that orphan first: a fast shutdown, then a kill if it does not go.
     */
    static void stopStaleServer(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> postmaster = lines.isEmpty() ? Optional.empty()
                : ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                        .filter(p -> isPostmasterOf(p, pgData));
        if (postmaster.isEmpty()) {
            return; // postgres itself clears a pid file whose process is gone
        }
        ProcessHandle process = postmaster.get();
        LOG.warnf("Stopping a stale PostgreSQL server (pid %d) left running on %s", process.pid(), pgData);
        // SIGINT is PostgreSQL's "fast" shutdown; ProcessHandle can only send TERM (smart) or KILL.
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
        try {
            process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception timeout) {
            process.destroyForcibly();
        }
    }
}
