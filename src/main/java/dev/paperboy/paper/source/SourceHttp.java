package dev.paperboy.paper.source;

import dev.paperboy.system.PaperboyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Every request to a paper source: a User-Agent naming Paperboy and the operator, arXiv's pace, conditional GET,
 * connect/read/total timeouts, a size cap, redirects, and Retry-After on 429 and 503 (a short one waited out).
 */
@ApplicationScoped
class SourceHttp {

    private static final int MAX_REDIRECTS = 5;
    private static final int MAX_WAITS = 3;
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "source-deadline");
        thread.setDaemon(true);
        return thread;
    });

    private final PaperboyConfig.Fetch fetch;
    private final long maxSize;
    private final RequestPace pace;
    private final String userAgent;

    SourceHttp(PaperboyConfig config, RequestPace pace) {
        this.fetch = config.fetch();
        this.maxSize = config.maxDocumentSize().asLongValue();
        this.pace = pace;
        this.userAgent = userAgent(config.contact().orElse(null));
    }

    /** What a request says for Paperboy: its name, version and the operator's contact. */
    static String userAgent(String contact) {
        String version = ConfigProvider.getConfig().getOptionalValue("quarkus.application.version", String.class).orElse("dev");
        if (contact == null || contact.isBlank()) {
            return "Paperboy/" + version + " (self-hosted paper digest; operator contact not configured)";
        }
        String trimmed = contact.trim();
        if (trimmed.length() > 200 || !trimmed.matches("[\\x20-\\x7E]+") || trimmed.matches(".*[()\\\\].*")) {
            throw new IllegalStateException("PAPERBOY_CONTACT must be an e-mail address or URL in printable ASCII, "
                    + "without parentheses, at most 200 characters");
        }
        return "Paperboy/" + version + " (" + (trimmed.contains("@") && !trimmed.contains(":") ? "mailto:" : "+") + trimmed + ")";
    }

    /** GET {@code uri}; {@code etag}/{@code lastModified} (either may be null) make it conditional. */
    Fetched get(URI uri, boolean arxiv, String accept, String etag, String lastModified) throws PollFailure {
        for (int waits = 0; ; waits++) {
            try {
                return follow(uri, arxiv, accept, etag, lastModified);
            } catch (RetryLater later) {
                Duration wait = Duration.between(Instant.now(), later.at);
                if (waits >= MAX_WAITS || wait.compareTo(fetch.longestRetryAfter()) > 0) {
                    throw new PollFailure(later.getMessage() + ", asked to retry after " + later.at, later.at);
                }
                sleep(wait);
            }
        }
    }

    private Fetched follow(URI uri, boolean arxiv, String accept, String etag, String lastModified)
            throws PollFailure, RetryLater {
        URI target = uri;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            if (arxiv) {
                try {
                    pace.await(RequestPace.ARXIV, fetch.arxivInterval());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new PollFailure("interrupted while waiting for arXiv's turn");
                }
            }
            HttpURLConnection connection = open(target, accept, etag, lastModified);
            Instant deadline = Instant.now().plus(fetch.totalTimeout());
            // The read timeout bounds each read, not the answer: a server that trickles its status line and headers
            // would hold the poll as long as it likes. Closing the connection at the deadline ends any read.
            AtomicBoolean expired = new AtomicBoolean();
            ScheduledFuture<?> guard = DEADLINES.schedule(() -> {
                expired.set(true);
                connection.disconnect();
            }, fetch.totalTimeout().toMillis(), TimeUnit.MILLISECONDS);
            try {
                connect(connection, target);
                int status = connection.getResponseCode();
                if (status >= 300 && status < 400 && status != 304) {
                    target = redirect(target, connection.getHeaderField("Location"), status);
                    continue;
                }
                return answer(target, connection, status, deadline);
            } catch (IOException e) {
                if (expired.get()) {
                    throw new PollFailure("no whole answer from " + target.getHost() + " within the total timeout of "
                            + Durations.format(fetch.totalTimeout()));
                }
                if (e instanceof SocketTimeoutException) {
                    throw new PollFailure("no answer from " + target.getHost() + " within the read timeout of "
                            + Durations.format(fetch.readTimeout()));
                }
                throw new PollFailure("could not fetch " + target.getHost() + ": " + e);
            } finally {
                guard.cancel(false);
                connection.disconnect();
            }
        }
        throw new PollFailure("more than " + MAX_REDIRECTS + " redirects from " + uri.getHost());
    }

    private HttpURLConnection open(URI target, String accept, String etag, String lastModified) throws PollFailure {
        try {
            HttpURLConnection connection = (HttpURLConnection) target.toURL().openConnection();
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.setConnectTimeout((int) fetch.connectTimeout().toMillis());
            connection.setReadTimeout((int) fetch.readTimeout().toMillis());
            connection.setRequestProperty("User-Agent", userAgent);
            connection.setRequestProperty("Accept", accept);
            connection.setRequestProperty("Accept-Encoding", "gzip");
            if (etag != null) {
                connection.setRequestProperty("If-None-Match", etag);
            }
            if (lastModified != null) {
                connection.setRequestProperty("If-Modified-Since", lastModified);
            }
            return connection;
        } catch (IOException | IllegalArgumentException e) {
            throw new PollFailure("cannot request " + target + ": " + e.getMessage());
        }
    }

    private void connect(HttpURLConnection connection, URI target) throws IOException, PollFailure {
        try {
            connection.connect();
        } catch (SocketTimeoutException e) {
            throw new PollFailure("could not connect to " + target.getHost() + " within the connect timeout of "
                    + Durations.format(fetch.connectTimeout()));
        }
    }

    private Fetched answer(URI target, HttpURLConnection connection, int status, Instant deadline) throws IOException, PollFailure, RetryLater {
        if (status == 304) {
            return Fetched.unchanged(target);
        }
        if (status == 429 || status == 503) {
            Instant at = RetryAfter.parse(connection.getHeaderField("Retry-After"), Instant.now());
            String what = "HTTP " + status + " from " + target.getHost();
            if (at != null) {
                throw new RetryLater(what, at);
            }
            throw new PollFailure(what);
        }
        if (status < 200 || status > 299) {
            throw new PollFailure("HTTP " + status + " from " + target.getHost());
        }
        byte[] body = ResponseBody.read(connection, maxSize, deadline, fetch.totalTimeout(), target.getHost());
        return new Fetched(false, body, connection.getContentType(), connection.getHeaderField("ETag"),
                connection.getHeaderField("Last-Modified"), target);
    }

    private static URI redirect(URI from, String location, int status) throws PollFailure {
        if (location == null) {
            throw new PollFailure("HTTP " + status + " from " + from.getHost() + " without a Location");
        }
        URI next = from.resolve(location.trim());
        if (!"http".equalsIgnoreCase(next.getScheme()) && !"https".equalsIgnoreCase(next.getScheme())) {
            throw new PollFailure(from.getHost() + " redirects to a non-web address");
        }
        return next;
    }

    private static void sleep(Duration wait) throws PollFailure {
        try {
            Thread.sleep(Math.max(0, wait.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PollFailure("interrupted while waiting to retry");
        }
    }

    /** The server asked to come back at {@code at}. */
    private static final class RetryLater extends Exception {
        final transient Instant at;

        RetryLater(String message, Instant at) {
            super(message);
            this.at = at;
        }
    }
}
