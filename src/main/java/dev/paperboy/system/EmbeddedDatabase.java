package dev.paperboy.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A real PostgreSQL server from Maven jars, kept durable under the data directory. */
public final class EmbeddedDatabase {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);

    private static final String IN_USE = "dev.paperboy.embedded-database";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts (and on first use creates) the server whose files live in {@code dataDir/postgres}. */
    public static EmbeddedDatabase start(Path dataDir) {
        Path pgData = dataDir.toAbsolutePath().resolve("postgres");
        try {
            Files.createDirectories(pgData);
            stopStaleServer(pgData);
            // The library starts postgres with -F (fsync off); the -c options come after it and win.
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData.toFile())
                    .setCleanDataDirectory(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "100")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            LOG.infof("Embedded PostgreSQL on port %d, data in %s", postgres.getPort(), pgData);
            return new EmbeddedDatabase(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + pgData, e);
        }
    }

    /** Points Quarkus' default datasource at this server. */
    public void exportAsQuarkusDatasource() {
        System.setProperty(IN_USE, "true");
        System.setProperty("quarkus.datasource.jdbc.url", jdbcUrl());
        System.setProperty("quarkus.datasource.username", "postgres");
        System.setProperty("quarkus.datasource.password", "postgres");
    }

    /** Whether this process runs on the embedded server (rather than an operator's PostgreSQL). */
    public static boolean inUse() {
        return Boolean.getBoolean(IN_USE);
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
