package dev.paperboy.system;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The packaged jar started as an operator starts it: a database named in any of Quarkus' configuration sources is the
 * one used, and no embedded server starts; with none named, the embedded one starts and stops after Quarkus.
 */
class DatasourceConfigIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
    private static final String EMBEDDED_STARTED = "Embedded PostgreSQL on port";

    /** The operator's PostgreSQL: a server of its own, outside the working directory Paperboy runs in. */
    private static EmbeddedDatabase operators;
    @TempDir
    static Path operatorsData;
    @TempDir
    Path work;

    @BeforeAll
    static void startOperatorsDatabase() {
        operators = EmbeddedDatabase.start(operatorsData);
    }

    @AfterAll
    static void stopOperatorsDatabase() {
        operators.stop();
    }

    /** A new, empty database on the operator's server; its JDBC URL. */
    private static String newDatabase() throws SQLException {
        String name = "paperboy_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(operators.jdbcUrl(), operators.username(), operators.password());
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        }
        return operators.jdbcUrl().replace("/postgres", "/" + name);
    }

    private static boolean hasPaperboyTables(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, operators.username(), operators.password());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from information_schema.tables where table_name = 'subscriber'")) {
            rows.next();
            return rows.getInt(1) == 1;
        }
    }

    /** Runs the jar in {@code work} with only these variables of Paperboy's and Quarkus' own; waits until it is ready. */
    private Process start(Map<String, String> env, int port) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString())
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("paperboy.log").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("PAPERBOY_"));
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("PAPERBOY_SAMPLE_DATA", "false");
        builder.environment().putAll(env);
        Process process = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(10)).build();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                fail("Paperboy exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        process.destroyForcibly();
        return fail("Paperboy not ready within 180 s:\n" + log());
    }

    /** SIGTERM, as an operator's Ctrl-C or service manager stops it. */
    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("Paperboy did not stop within 120 s");
        }
    }

    private String log() throws IOException {
        return Files.readString(work.resolve("paperboy.log"));
    }

    /** Writes {@code lines} into {@code file} of the working directory, starts Paperboy, and checks it uses {@code url} only. */
    private void assertUsedWhenNamedIn(String file, String url, String... lines) throws Exception {
        Path path = work.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, String.join("\n", lines) + "\n");
        Process paperboy = start(Map.of(), freePort());
        try {
            assertTrue(hasPaperboyTables(url), "Flyway migrated the operator's database:\n" + log());
            assertFalse(Files.exists(work.resolve("data/postgres")), "no embedded database was created");
            assertFalse(log().contains(EMBEDDED_STARTED), "no embedded server started:\n" + log());
        } finally {
            stop(paperboy);
        }
    }

    @Test
    void aDatabaseInConfigApplicationPropertiesIsTheOneUsed() throws Exception {
        String url = newDatabase();
        assertUsedWhenNamedIn("config/application.properties", url, "quarkus.datasource.jdbc.url=" + url,
                "quarkus.datasource.username=" + operators.username(), "quarkus.datasource.password=" + operators.password());
    }

    @Test
    void aDatabaseInDotEnvIsTheOneUsed() throws Exception {
        String url = newDatabase();
        assertUsedWhenNamedIn(".env", url, "QUARKUS_DATASOURCE_JDBC_URL=" + url,
                "QUARKUS_DATASOURCE_USERNAME=" + operators.username(), "QUARKUS_DATASOURCE_PASSWORD=" + operators.password());
    }

    @Test
    void withNoDatabaseNamedTheEmbeddedOneStartsAndStopsAfterQuarkus() throws Exception {
        Process paperboy = start(Map.of("PAPERBOY_DATA_DIR", work.resolve("own-data").toString()), freePort());
        Path pidFile = work.resolve("own-data/postgres/postmaster.pid");
        assertTrue(log().contains(EMBEDDED_STARTED), log());
        assertTrue(Files.exists(pidFile), "the embedded server runs from the data dir");
        stop(paperboy);
        List<String> lines = Files.readAllLines(work.resolve("paperboy.log"));
        int quarkusStopped = indexOf(lines, "stopped in");
        int databaseStopped = indexOf(lines, "Embedded PostgreSQL stopped");
        assertTrue(quarkusStopped >= 0 && databaseStopped > quarkusStopped,
                "the database stops after Quarkus:\n" + String.join("\n", lines));
        assertFalse(Files.exists(pidFile), "no postgres left running");
        assertEquals(-1, indexOf(lines, "ERROR"), "a clean stop:\n" + String.join("\n", lines));
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
