package dev.paperboy.paper.source;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Answers that must add nothing and say why: no connection, too slow, cut off, too large. The poll fails; nothing half-read is stored. */
@QuarkusTest
class FetchFailuresTest {

    @Test
    void aResponseThatStallsTimesOut() {
        CountDownLatch release = new CountDownLatch(1);
        String marker = "stalled" + System.nanoTime() % 100_000;
        byte[] document = Documents.huggingFace(Documents.papers(marker, 1)).getBytes(StandardCharsets.UTF_8);
        try (SourceServer server = new SourceServer()) {
            server.on("/daily", (exchange, number) -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, document.length);
                OutputStream out = exchange.getResponseBody();
                out.write(document, 0, document.length / 2);
                out.flush();
                await(release);
            });
            JsonPath failed = pollFailing(server.url("/daily"), "stall");
            assertTrue(failed.getString("error").contains("within the read timeout of 3s"), failed.getString("error"));
            assertEquals(0, Documents.stored(marker));
        } finally {
            release.countDown();
        }
    }

    @Test
    void aServerTricklingItsHeadersIsCutOffAtTheTotalTimeout() throws Exception {
        // each header line comes well within the read timeout (3s), so only the total timeout (10s) can end it
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread trickler = new Thread(() -> {
                try (Socket socket = listener.accept(); OutputStream out = socket.getOutputStream()) {
                    out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII));
                    for (int i = 0; i < 60; i++) {
                        out.write(("X-Slow-" + i + ": still coming\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        Thread.sleep(1000);
                    }
                } catch (IOException | InterruptedException gone) {
                    // the poll closed the connection
                }
            });
            trickler.setDaemon(true);
            trickler.start();
            long start = System.nanoTime();
            JsonPath failed = pollFailing("http://127.0.0.1:" + listener.getLocalPort() + "/daily", "trickle");
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            assertTrue(failed.getString("error").contains("within the total timeout of 10s"), failed.getString("error"));
            assertTrue(seconds < 30, "the poll ended after " + seconds + " s, not at the total timeout");
        }
    }

    @Test
    void aBodyTrickledPastTheTotalTimeoutSaysTheTimeout() {
        // a space every 200 ms: every read comes well within the read timeout (3s), the body never ends
        CountDownLatch answering = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (SourceServer server = new SourceServer()) {
            server.on("/daily", (exchange, number) -> SourceServer.trickle(exchange, "application/json",
                    "[]".getBytes(StandardCharsets.UTF_8), answering, release));
            String error = pollFailing(server.url("/daily"), "body-trickle").getString("error");
            assertTrue(error.contains("within the total timeout of 10s"), error);
        } finally {
            release.countDown();
        }
    }

    /** A web page given as a feed (a blog's home page, a login page) says so, with the type it came as. */
    @Test
    void anHtmlPageGivenAsAFeedSaysItIsAPage() {
        try (SourceServer server = new SourceServer()) {
            server.on("/blog", (exchange, number) -> SourceServer.send(exchange, 200, "text/html; charset=utf-8",
                    "\n<!DOCTYPE html>\n<html><head><title>Our lab</title></head><body><p>News<br>more</body></html>"));
            server.on("/login", (exchange, number) -> SourceServer.send(exchange, 200, "application/rss+xml",
                    "<html><body><form>Sign in</form></body></html>"));
            server.on("/broken", (exchange, number) -> SourceServer.send(exchange, 200, "application/rss+xml",
                    "<rss><channel><item>"));
            String page = pollFailing("feed", server.url("/blog"), "html").getString("error");
            assertTrue(page.contains("could not be read: this is an HTML page, not an RSS/Atom feed"
                    + " (Content-Type: text/html; charset=utf-8)"), page);
            String login = pollFailing("feed", server.url("/login"), "login").getString("error");
            assertTrue(login.contains("this is an HTML page, not an RSS/Atom feed (Content-Type: application/rss+xml)"),
                    login);
            String json = pollFailing(server.url("/login"), "login-json").getString("error");
            assertTrue(json.contains("this is an HTML page, not Hugging Face's daily-papers JSON"), json);
            String broken = pollFailing("feed", server.url("/broken"), "broken").getString("error");
            assertTrue(broken.contains("could not be read: not well-formed XML") && !broken.contains("HTML"), broken);
            assertTrue(broken.endsWith("(Content-Type: application/rss+xml)"), broken);
        }
    }

    @Test
    void aResponseCutOffBeforeItsLengthAddsNothing() {
        String marker = "truncated" + System.nanoTime() % 100_000;
        byte[] document = Documents.huggingFace(Documents.papers(marker, 3)).getBytes(StandardCharsets.UTF_8);
        // a document cut where it is still valid JSON: only the declared length shows it is not whole
        int cut = new String(document, StandardCharsets.UTF_8).indexOf("},{\"paper\"") + 1;
        try (SourceServer server = new SourceServer()) {
            server.on("/daily", (exchange, number) -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, document.length);
                exchange.getResponseBody().write(Arrays.copyOf(document, cut));
                exchange.getResponseBody().flush();
            });
            JsonPath failed = pollFailing(server.url("/daily"), "cut");
            assertTrue(failed.getString("error").contains("cut off after " + cut + " of " + document.length + " bytes"),
                    failed.getString("error"));
            assertEquals(0, Documents.stored(marker));
        }
    }

    @Test
    void aChunkedResponseThatBreaksOffAddsNothing() {
        String marker = "broken" + System.nanoTime() % 100_000;
        byte[] document = Documents.huggingFace(Documents.papers(marker, 2)).getBytes(StandardCharsets.UTF_8);
        try (SourceServer server = new SourceServer()) {
            server.on("/daily", (exchange, number) -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, 0);
                exchange.getResponseBody().write(document, 0, document.length / 2);
                exchange.getResponseBody().flush();
                throw new IOException("the server dies mid-answer");
            });
            JsonPath failed = pollFailing(server.url("/daily"), "chunk");
            assertTrue(failed.getString("error").contains("could not fetch 127.0.0.1"), failed.getString("error"));
            assertEquals(0, Documents.stored(marker));
        }
    }

    @Test
    void aResponseOverTheSizeCapIsRefused() {
        try (SourceServer server = new SourceServer()) {
            server.on("/declared", (exchange, number) -> exchange.sendResponseHeaders(200, 21L * 1024 * 1024));
            server.on("/endless", (exchange, number) -> {
                exchange.sendResponseHeaders(200, 0);
                byte[] spaces = new byte[64 * 1024];
                Arrays.fill(spaces, (byte) ' ');
                try (OutputStream out = exchange.getResponseBody()) {
                    for (int i = 0; i < 21 * 16; i++) {
                        out.write(spaces);
                    }
                } catch (IOException clientHungUp) {
                    // the client stopped reading at the cap, as it should
                }
            });
            String declared = pollFailing(server.url("/declared"), "declared").getString("error");
            assertTrue(declared.contains("is 22020096 bytes, over the cap of 20971520"), declared);
            String endless = pollFailing(server.url("/endless"), "endless").getString("error");
            assertTrue(endless.contains("over the cap of 20971520 bytes"), endless);
        }
    }

    @Test
    void aServerThatNeverTakesTheConnectionTimesOut() throws IOException {
        // a listener whose backlog is full: the kernel drops further connection attempts, as a black-holed host does
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            List<Socket> queued = new ArrayList<>();
            try {
                fillBacklog(listener, queued);
                String error = pollFailing("http://127.0.0.1:" + listener.getLocalPort() + "/daily", "connect").getString("error");
                assertTrue(error.contains("could not connect to 127.0.0.1 within the connect timeout of 2s"), error);
            } finally {
                for (Socket socket : queued) {
                    socket.close();
                }
            }
        }
    }

    /** Adds a paused source for {@code url}, polls it, expects the poll to fail (502), removes it; returns the report. */
    private static JsonPath pollFailing(String url, String what) {
        return pollFailing("huggingface", url, what);
    }

    private static JsonPath pollFailing(String kind, String url, String what) {
        String name = SourcesApi.unique("fail-" + what);
        try {
            SourcesApi.add("{\"name\": \"" + name + "\", \"kind\": \"" + kind + "\", \"url\": \"" + url + "\", \"enabled\": false}");
            JsonPath report = SourcesApi.poll(name).then().statusCode(502).extract().jsonPath();
            assertEquals(0, report.getInt("added"));
            JsonPath view = SourcesApi.view(name);
            assertEquals(report.getString("error"), view.getString("lastError"));
            assertEquals(1, view.getInt("failures"));
            return report;
        } finally {
            SourcesApi.delete(name);
        }
    }

    private static void fillBacklog(ServerSocket listener, List<Socket> queued) throws IOException {
        for (int i = 0; i < 50; i++) {
            Socket socket = new Socket();
            try {
                socket.connect(listener.getLocalSocketAddress(), 500);
                queued.add(socket);
            } catch (SocketTimeoutException full) {
                socket.close();
                return;
            }
        }
        fail("the listener's backlog never filled");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
