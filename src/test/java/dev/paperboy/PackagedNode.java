package dev.paperboy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The packaged jar run as an operator runs it, on a data dir of the test's own, until it is ready. */
public final class PackagedNode {

    public static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private PackagedNode() {
    }

    /**
     * Starts the jar with its data in {@code work/data}, its output in {@code work/logName}, no sample papers and the
     * admin token {@code token}, plus {@code env}; returns once {@code /q/health/ready} answers 200.
     */
    public static Process start(Path work, String logName, int port, String token, Map<String, String> env)
            throws IOException, InterruptedException {
        assertTrue(Files.exists(JAR), "the packaged jar is built before the integration tests");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", JAR.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve(logName).toFile());
        builder.environment().put("PAPERBOY_DATA_DIR", work.resolve("data").toString());
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("PAPERBOY_SAMPLE_DATA", "false");
        builder.environment().put("PAPERBOY_ADMIN_TOKEN", token);
        builder.environment().putAll(env);
        Process process = builder.start();
        Instant end = Instant.now().plus(Duration.ofSeconds(300));
        while (status(port, "/q/health/ready") != 200) {
            if (!process.isAlive()) {
                fail("the node exited at start: " + Files.readString(work.resolve(logName)));
            }
            if (Instant.now().isAfter(end)) {
                fail("the node is not ready within 300 s");
            }
            Thread.sleep(200);
        }
        return process;
    }

    /** Stops the node if it still runs, and the embedded PostgreSQL of a node that did not stop cleanly. */
    public static void stop(Process node, Path work) throws IOException, InterruptedException {
        if (node != null && node.isAlive()) {
            node.destroy();
            if (!node.waitFor(60, TimeUnit.SECONDS)) {
                node.destroyForcibly();
            }
        }
        Path pid = work.resolve("data/postgres/postmaster.pid");
        if (Files.exists(pid)) { // only after a failed test: the database of a node that did not stop cleanly
            ProcessHandle.of(Long.parseLong(Files.readAllLines(pid).get(0).trim())).ifPresent(ProcessHandle::destroy);
        }
    }

    public static int status(int port, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | InterruptedException e) {
            return 0;
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
