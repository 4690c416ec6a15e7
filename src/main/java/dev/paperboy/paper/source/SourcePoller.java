package dev.paperboy.paper.source;

import dev.paperboy.system.PaperboyConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Polls sources: on their schedule (from their Quartz job) or now (the admin API); one poll of a source at a time. */
@ApplicationScoped
public class SourcePoller {

    private static final Logger LOG = Logger.getLogger(SourcePoller.class);
    /** How long an operator's poll waits for a poll of the same source that is running. */
    static final Duration WAIT_FOR_RUNNING = Duration.ofMinutes(2);

    private final SourcePolls polls;
    private final SourceHttp http;
    private final SourceMetrics metrics;
    private final Map<SourceKind, SourceReader> readers = new EnumMap<>(SourceKind.class);

    SourcePoller(SourcePolls polls, SourceHttp http, SourceMetrics metrics, PaperboyConfig config) {
        this.polls = polls;
        this.http = http;
        this.metrics = metrics;
        SourceReader feed = new FeedReader();
        readers.put(SourceKind.ARXIV_API, new ArxivApiReader(config.fetch().pageSize(), config.fetch().maxPages()));
        readers.put(SourceKind.ARXIV_RSS, feed);
        readers.put(SourceKind.ARXIV_OAI, new OaiPmhReader(config.recentWindow()));
        readers.put(SourceKind.HUGGINGFACE, feed);
        readers.put(SourceKind.FEED, feed);
    }

    /** Polls one source now, enabled or paused, after a poll of it that is running; throws when none is so named. */
    public PollReport poll(String name) {
        String holder = UUID.randomUUID().toString();
        Instant deadline = Instant.now().plus(WAIT_FOR_RUNNING);
        while (true) {
            Optional<PaperSource> source = polls.acquire(name, holder);
            if (source.isPresent()) {
                return run(source.get(), holder);
            }
            if (!exists(name)) {
                throw new NoSuchSource(name);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new SourceBusy(name);
            }
            pause();
        }
    }

    /** Polls every enabled source now, one after the other. */
    public List<PollReport> pollAll() {
        List<String> names = QuarkusTransaction.requiringNew().call(() ->
                PaperSource.all().stream().filter(s -> s.enabled).map(s -> s.name).toList());
        List<PollReport> reports = new ArrayList<>();
        for (String name : names) {
            try {
                reports.add(poll(name));
            } catch (NoSuchSource gone) {
                // removed while the others were polled
            } catch (SourceBusy busy) {
                reports.add(PollReport.skipped(name, busy.getMessage()));
            }
        }
        return reports;
    }

    /** The Quartz job's poll: nothing if the source is gone, paused, asked to wait, or being polled already. */
    void pollScheduled(String name) {
        String holder = UUID.randomUUID().toString();
        Optional<PaperSource> source = polls.acquire(name, holder);
        if (source.isEmpty()) {
            return;
        }
        PaperSource found = source.get();
        if (!found.enabled || waitAsked(found)) {
            polls.release(name, holder);
            return;
        }
        run(found, holder);
    }

    private PollReport run(PaperSource source, String holder) {
        if (waitAsked(source)) {
            polls.release(source.name, holder);
            return PollReport.skipped(source.name, "the server asked not to be polled before " + source.notBefore);
        }
        Poll poll = new Poll(source, holder, polls, http);
        PollReport report;
        try {
            readers.get(source.sourceKind()).read(poll);
            polls.succeeded(source.name, holder, poll.added(), poll.rejected(), poll.errors());
            report = poll.report(null);
            LOG.infof("Polled source %s: %d requests, %d papers added, %d updated", source.name, report.requests(),
                    report.added(), report.updated());
            if (report.rejected() > 0) {
                LOG.warnf("Source %s: %d entries rejected: %s", source.name, report.rejected(), report.errors());
            }
        } catch (PollFailure e) {
            polls.failed(source.name, holder, poll.added(), poll.rejected(), poll.errors(), e.getMessage(), e.retryAfter());
            report = poll.report(e.getMessage());
            LOG.warnf("Poll of source %s failed: %s", source.name, e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Poll of source %s failed", source.name);
            polls.failed(source.name, holder, poll.added(), poll.rejected(), poll.errors(), "unexpected error: " + e, null);
            report = poll.report("unexpected error: " + e);
        }
        metrics.refresh();
        return report;
    }

    private static boolean waitAsked(PaperSource source) {
        return source.notBefore != null && source.notBefore.isAfter(Instant.now());
    }

    private static boolean exists(String name) {
        return QuarkusTransaction.requiringNew().call(() -> PaperSource.findById(name) != null);
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a running poll", e);
        }
    }

    /** No source has this name. */
    public static class NoSuchSource extends RuntimeException {
        NoSuchSource(String name) {
            super("no source named " + name);
        }
    }

    /** Another poll of the source is still running. */
    public static class SourceBusy extends RuntimeException {
        SourceBusy(String name) {
            super("source " + name + " is being polled already; try again when that poll is over");
        }
    }
}
