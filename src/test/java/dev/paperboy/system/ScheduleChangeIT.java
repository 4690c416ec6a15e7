package dev.paperboy.system;

import dev.paperboy.PackagedNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
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
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An operator changes a schedule and restarts the packaged jar on the same data: the bounce mailbox's interval, the
 * digest clock's cron and the sources' default interval each take effect at that start, not after the next fire
 * the old schedule had stored in Quartz's tables.
 */
class ScheduleChangeIT {

    private static final String TOKEN = "schedule-change-it-token-0123456789";

    @TempDir
    Path work;

    private final HttpClient http = HttpClient.newHttpClient();
    private Process node;
    private int port;

    @AfterEach
    void stop() throws Exception {
        PackagedNode.stop(node, work);
    }

    @Test
    void aScheduleChangedBeforeARestartTakesEffectAtThatStart() throws Exception {
        node = start("log-1.txt", Map.of("PAPERBOY_DIGEST_SCHEDULE", "0 0 3 1 1 ? 2099"));
        // a feed source without its own interval: polled every PAPERBOY_FETCH_DEFAULT_EVERY (1h by default)
        post("/api/admin/sources", "{\"name\": \"lab\", \"kind\": \"feed\", \"url\": \"http://127.0.0.1:9/feed.xml\"}");
        // the mailbox is first read 30 s after a first start, then every 10 minutes (the default)
        Instant end = Instant.now().plus(Duration.ofMinutes(3));
        Map<String, Instant> before = nextFires("log-1.txt");
        while (!before.get("bounce-mailbox").isAfter(Instant.now().plus(Duration.ofMinutes(5)))) {
            assertTrue(Instant.now().isBefore(end), "the mailbox was read once: " + before);
            Thread.sleep(1000);
            before = nextFires("log-1.txt");
        }
        assertTrue(before.get("digest-tick").isAfter(Instant.parse("2098-12-31T00:00:00Z")), before.toString());
        assertEquals(3_600_000L, interval("log-1.txt", "lab"));
        node.destroy(); // SIGTERM
        assertTrue(node.waitFor(120, TimeUnit.SECONDS), "the node stops");

        Instant restart = Instant.now();
        node = start("log-2.txt", Map.of("PAPERBOY_DIGEST_SCHEDULE", "0 0/5 * * * ?", "PAPERBOY_BOUNCE_EVERY", "1m",
                "PAPERBOY_FETCH_DEFAULT_EVERY", "2m"));
        Instant ready = Instant.now();
        Map<String, Instant> after = nextFires("log-2.txt");
        assertTrue(!after.get("bounce-mailbox").isAfter(ready.plus(Duration.ofMinutes(1))),
                "the mailbox is read within the new minute: " + after + ", restarted " + restart);
        assertTrue(!after.get("digest-tick").isAfter(ready.plus(Duration.ofMinutes(5))),
                "the clock ticks by the new cron: " + after + ", restarted " + restart);
        assertEquals(120_000L, interval("log-2.txt", "lab"), "the source is polled every 2m now");
        assertTrue(!after.get("lab").isAfter(ready.plus(Duration.ofMinutes(2))), after.toString());
    }

    private Process start(String logName, Map<String, String> env) throws Exception {
        port = PackagedNode.freePort();
        return PackagedNode.start(work, logName, port, TOKEN, env);
    }

    /** The next fire of each trigger of the scheduled jobs and of the sources' regular polls, as Quartz stored it. */
    private Map<String, Instant> nextFires(String logName) throws Exception {
        Map<String, Instant> next = new HashMap<>();
        try (Connection db = database(logName); Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("select trigger_name, next_fire_time from qrtz_triggers"
                     + " where trigger_group in ('io.quarkus.scheduler.Scheduler', 'paper-sources')")) {
            while (rows.next()) {
                next.put(rows.getString(1), Instant.ofEpochMilli(rows.getLong(2)));
            }
        }
        return next;
    }

    private long interval(String logName, String source) throws Exception {
        try (Connection db = database(logName); Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("select repeat_interval from qrtz_simple_triggers"
                     + " where trigger_group = 'paper-sources' and trigger_name = '" + source + "'")) {
            assertTrue(rows.next(), "source " + source + " has its regular trigger");
            return rows.getLong(1);
        }
    }

    /** The node's embedded PostgreSQL: its port from the log, its password from the data dir. */
    private Connection database(String logName) throws IOException, SQLException {
        Matcher port = Pattern.compile("Embedded PostgreSQL on port (\\d+)").matcher(Files.readString(work.resolve(logName)));
        assertTrue(port.find(), "the log names the database's port");
        Properties secrets = new Properties();
        try (Reader reader = Files.newBufferedReader(work.resolve("data/secrets.properties"))) {
            secrets.load(reader);
        }
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port.group(1) + "/postgres", "postgres",
                secrets.getProperty("database-password"));
    }

    private void post(String path, String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() / 100 == 2, path + ": " + response.statusCode() + " " + response.body());
    }
}
