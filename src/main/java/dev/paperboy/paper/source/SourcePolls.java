package dev.paperboy.paper.source;

import dev.paperboy.paper.ImportResult;
import dev.paperboy.paper.PaperImporter;
import dev.paperboy.paper.ParsedPapers;
import dev.paperboy.paper.format.PaperFormats;
import dev.paperboy.system.Backoff;
import dev.paperboy.system.PaperboyConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** What a poll writes: its lease on the source, each page's papers with the source's progress, and its outcome. */
@ApplicationScoped
class SourcePolls {

    private final PaperImporter importer;
    private final PaperFormats formats;
    private final SourceJobs jobs;
    private final PaperboyConfig.Fetch fetch;
    private final EntityManager entityManager;

    SourcePolls(PaperImporter importer, PaperFormats formats, SourceJobs jobs, PaperboyConfig config,
                EntityManager entityManager) {
        this.importer = importer;
        this.formats = formats;
        this.jobs = jobs;
        this.fetch = config.fetch();
        this.entityManager = entityManager;
    }

    PaperFormats formats() {
        return formats;
    }

    /** Longer than one request can take with its waits, so a live poll renews it in time; a dead node's runs out. */
    Duration lease() {
        return fetch.totalTimeout().plus(fetch.connectTimeout()).plus(fetch.longestRetryAfter().multipliedBy(3))
                .plus(fetch.arxivInterval().multipliedBy(10)).plus(Duration.ofMinutes(5));
    }

    /** The source as it stands, with its lease now held by {@code holder}; empty when another poll holds it. */
    Optional<PaperSource> acquire(String name, String holder) {
        return QuarkusTransaction.requiringNew().call(() -> {
            int taken = entityManager.createNativeQuery("""
                            update paper_source set lease_holder = ?1, lease_until = now() + make_interval(secs => ?2)
                            where name = ?3 and (lease_until is null or lease_until < now())""")
                    .setParameter(1, holder).setParameter(2, (double) lease().getSeconds()).setParameter(3, name)
                    .executeUpdate();
            return taken == 1 ? Optional.ofNullable(PaperSource.<PaperSource>findById(name)) : Optional.empty();
        });
    }

    boolean renew(String name, String holder) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                        update paper_source set lease_until = now() + make_interval(secs => ?1)
                        where name = ?2 and lease_holder = ?3""")
                .setParameter(1, (double) lease().getSeconds()).setParameter(2, name).setParameter(3, holder)
                .executeUpdate() == 1);
    }

    /** One document's papers and the source's progress, in one transaction, only while the lease is still ours. */
    ImportResult store(String name, String holder, ParsedPapers parsed, Consumer<PaperSource> alsoRecord) throws PollFailure {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                PaperSource source = entityManager.find(PaperSource.class, name, LockModeType.PESSIMISTIC_WRITE);
                if (source == null || !holder.equals(source.leaseHolder)) {
                    throw new LostLease();
                }
                ImportResult result = importer.importPapers(parsed);
                source.totalAdded += result.added();
                alsoRecord.accept(source);
                return result;
            });
        } catch (LostLease e) {
            throw new PollFailure("the source was removed, or another poll of it took over");
        }
    }

    void succeeded(String name, String holder, int added, int rejected, List<String> rejections) {
        finish(name, holder, added, rejected, rejections, source -> {
            source.lastSuccessAt = source.lastPollAt;
            source.failures = 0;
            source.notBefore = null;
        });
    }

    /** Records the failure and schedules the next try: after a doubling wait, and never before the server asked. */
    void failed(String name, String holder, int added, int rejected, List<String> rejections, String error,
                Instant retryAfter) {
        finish(name, holder, added, rejected, rejections, source -> {
            source.lastErrorAt = source.lastPollAt;
            source.lastError = error.length() > 2000 ? error.substring(0, 2000) : error;
            source.failures++;
            source.notBefore = retryAfter;
            Instant retry = Instant.now().plus(Backoff.after(fetch.retryBackoff(), source.failures));
            if (retryAfter != null && retryAfter.isAfter(retry)) {
                retry = retryAfter;
            }
            if (source.enabled) {
                jobs.pollAt(name, retry);
            }
        });
    }

    /** Lets the source go without a poll (the job found it paused, or asked to wait). */
    void release(String name, String holder) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "update paper_source set lease_holder = null, lease_until = null where name = ?1 and lease_holder = ?2")
                .setParameter(1, name).setParameter(2, holder).executeUpdate());
    }

    /** A poll's end, whether it succeeded or failed: what it added and rejected, then {@code outcome}; the lease let go. */
    private void finish(String name, String holder, int added, int rejected, List<String> rejections,
                        Consumer<PaperSource> outcome) {
        QuarkusTransaction.requiringNew().run(() -> {
            PaperSource source = entityManager.find(PaperSource.class, name, LockModeType.PESSIMISTIC_WRITE);
            if (source == null || !holder.equals(source.leaseHolder)) {
                return;
            }
            source.lastPollAt = Instant.now();
            source.lastAdded = added;
            source.lastRejected = rejected;
            source.lastRejections = rejections.isEmpty() ? null : String.join("\n", rejections);
            outcome.accept(source);
            source.leaseHolder = null;
            source.leaseUntil = null;
        });
    }

    /** The lease moved on while this poll was busy; nothing of this transaction is kept. */
    private static final class LostLease extends RuntimeException {
        LostLease() {
            super(null, null, false, false);
        }
    }
}
