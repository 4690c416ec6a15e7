package dev.paperboy.paper.source;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP server (the JDK's) playing a paper source: each path answers as the test says, and every request is kept. */
final class SourceServer implements AutoCloseable {

    /** One request as the server saw it; {@code nanos} from System.nanoTime when it arrived. */
    record Request(long nanos, String method, String path, String query, Headers headers) {
        String header(String name) {
            return headers.getFirst(name);
        }

        /** The value of one query parameter, still encoded. */
        String param(String name) {
            if (query == null) {
                return null;
            }
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).equals(name)) {
                    return pair.substring(eq + 1);
                }
            }
            return null;
        }
    }

    /** How a path answers its {@code number}-th request (1 for the first). */
    interface Answer {
        void answer(HttpExchange exchange, int number) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    SourceServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.start();
    }

    SourceServer on(String path, Answer answer) {
        server.createContext(path, exchange -> {
            requests.add(new Request(System.nanoTime(), exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders()));
            int number = counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            // an answer that throws leaves the exchange open: the server then drops the connection mid-answer
            answer.answer(exchange, number);
            exchange.close();
        });
        return this;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The requests under {@code path}, as the server routes them. */
    List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().startsWith(path)).toList();
    }

    static void send(HttpExchange exchange, int status, String contentType, String body, String... headers) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            exchange.getResponseHeaders().set(headers[i], headers[i + 1]);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * Answers 200 with {@code document}, slowly: a space every 200 ms (so no read timeout fires) until {@code release}
     * opens or 90 s pass; {@code answering} counts down once the answer has begun.
     */
    static void trickle(HttpExchange exchange, String contentType, byte[] document, CountDownLatch answering,
                        CountDownLatch release) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        answering.countDown();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        try {
            while (!await(release, 200) && Instant.now().isBefore(deadline)) {
                out.write(' ');
                out.flush();
            }
            out.write(document);
            out.close();
        } catch (IOException clientGone) {
            // the client gave up first
        }
    }

    /** Waits up to {@code millis} for the latch; true when it opened. */
    static boolean await(CountDownLatch latch, long millis) {
        try {
            return latch.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
