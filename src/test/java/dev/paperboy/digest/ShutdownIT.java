package dev.paperboy.digest;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.paperboy.PackagedNode;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * SIGTERM to the packaged jar in the middle of a run: the node stops claiming, records what the relay accepted and
 * hands back the rest, and stops its embedded PostgreSQL last; started again on the same data it sends the rest, so
 * every subscriber has exactly one digest (a clean stop leaves nothing in flight to double).
 */
class ShutdownIT {

    private static final String TOKEN = "shutdown-it-token-0123456789abcdef";
    private static final int SUBSCRIBERS = 300;

    @TempDir
    Path work;

    private final GreenMail relay = new GreenMail(new ServerSetup(PackagedNode.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    private final HttpClient http = HttpClient.newHttpClient();
    private Process node;

    @AfterEach
    void stopEverything() throws Exception {
        PackagedNode.stop(node, work);
        relay.stop();
    }

    @Test
    void aNodeStoppedMidRunLosesAndDoublesNoDigest() throws Exception {
        relay.start();
        int port = PackagedNode.freePort();
        // a capped rate keeps the run going long enough for the signal to land in the middle of it
        node = start(port, "log-1.txt", Map.of("PAPERBOY_SMTP_RATE", "30"));
        post(port, "/api/admin/papers", papers());
        post(port, "/api/admin/subscribers", subscribers());
        long run = Long.parseLong(field(post(port, "/api/admin/digests/run", "{\"force\": true}"), "runId"));

        await(Duration.ofSeconds(120), () -> relay.getReceivedMessages().length >= 30, "30 digests sent");
        node.destroy(); // SIGTERM
        assertTrue(node.waitFor(120, TimeUnit.SECONDS), "the node stops within two minutes");
        String log = Files.readString(work.resolve("log-1.txt"));
        int beforeRestart = relay.getReceivedMessages().length;
        assertTrue(beforeRestart < SUBSCRIBERS, "the signal came mid-run: " + beforeRestart + " sent");
        int handedBack = log.indexOf("every digest this node held is recorded or handed back");
        assertTrue(handedBack >= 0, log);
        assertTrue(log.indexOf("Embedded PostgreSQL stopped") > handedBack, "the database stops last: " + log);
        assertFalse(log.contains("Could not record the outcome"), log);
        assertFalse(Files.exists(work.resolve("data/postgres/postmaster.pid")), "the embedded PostgreSQL stopped");

        int port2 = PackagedNode.freePort();
        node = start(port2, "log-2.txt", Map.of());
        post(port2, "/api/admin/digests/run", "{\"force\": true}"); // decides nobody new; sends what was handed back
        await(Duration.ofSeconds(180), () -> relay.getReceivedMessages().length >= SUBSCRIBERS, "every digest sent");
        await(Duration.ofSeconds(120), () -> "finished".equals(field(get(port2, "/api/admin/runs/" + run), "state")),
                "the first run finished");

        Map<String, Integer> perReader = new HashMap<>();
        for (MimeMessage message : relay.getReceivedMessages()) {
            perReader.merge(recipient(message), 1, Integer::sum);
        }
        assertEquals(SUBSCRIBERS, perReader.size(), "every subscriber has a digest");
        assertEquals(List.of(), perReader.entrySet().stream().filter(e -> e.getValue() > 1).toList(),
                "nobody has two");
        assertEquals(Integer.toString(SUBSCRIBERS), field(get(port2, "/api/admin/runs/" + run), "sent"));
        System.out.printf("ShutdownIT: %d of %d digests sent before SIGTERM, the rest after the restart, none twice%n",
                beforeRestart, SUBSCRIBERS);
    }

    private Process start(int port, String logName, Map<String, String> extra) throws Exception {
        Map<String, String> env = new HashMap<>(extra);
        env.put("PAPERBOY_SMTP_HOST", "127.0.0.1");
        env.put("PAPERBOY_SMTP_PORT", Integer.toString(relay.getSmtp().getPort()));
        env.put("PAPERBOY_DIGEST_SCHEDULE", "off");
        return PackagedNode.start(work, logName, port, TOKEN, env);
    }

    private static String papers() {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 40; i++) {
            String about = i < 8 ? "Quokka burrows and quokka diets, part " + i : "Basalt columns of island " + i;
            json.append(i == 0 ? "" : ",").append("{\"id\": \"shutdown-").append(i).append("\", \"title\": \"")
                    .append(about).append("\", \"abstract\": \"").append(about).append(", observed over a year.\"}");
        }
        return json.append("]").toString();
    }

    private static String subscribers() {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < SUBSCRIBERS; i++) {
            json.append(i == 0 ? "" : ",").append("{\"email\": \"reader").append(i)
                    .append("@shutdown.example\", \"interests\": [\"quokka burrows\"]}");
        }
        return json.append("]").toString();
    }

    private String post(int port, String path, String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return response.body();
    }

    private String get(int port, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException | InterruptedException e) {
            return "";
        }
    }

    /** A top-level field of a JSON object, as text (enough for ids, counts and states). */
    private static String field(String json, String name) {
        Matcher value = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
        return value.find() ? value.group(1) : null;
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(Duration deadline, BooleanSupplier condition, String what) throws InterruptedException {
        Instant end = Instant.now().plus(deadline);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                fail(what + ": not within " + deadline.toSeconds() + " s");
            }
            Thread.sleep(200);
        }
    }

}
