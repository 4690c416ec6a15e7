package dev.paperboy.paper.source;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The configured paper sources: listed, added or replaced by name, removed; each change moves its Quartz job with it. */
@ApplicationScoped
public class Sources {

    /** Serializes changes of source definitions across the cluster (seeding at start races with the admin API). */
    private static final long DEFINITIONS_LOCK = 0x736f75726365L;

    private final SourceJobs jobs;
    private final SourceMetrics metrics;
    private final EntityManager entityManager;

    Sources(SourceJobs jobs, SourceMetrics metrics, EntityManager entityManager) {
        this.jobs = jobs;
        this.metrics = metrics;
        this.entityManager = entityManager;
    }

    @Transactional
    public List<SourceView> list() {
        return PaperSource.all().stream().map(this::view).toList();
    }

    @Transactional
    public Optional<SourceView> find(String name) {
        return PaperSource.<PaperSource>findByIdOptional(name).map(this::view);
    }

    /** Adds the source, or replaces the one of that name; true when it is new. */
    public boolean save(SourceSpec spec, String origin) {
        boolean created = QuarkusTransaction.requiringNew().call(() -> write(spec, origin));
        metrics.refresh();
        return created;
    }

    private boolean write(SourceSpec spec, String origin) {
        lockDefinitions();
        // the row before Quartz's locks, in the order a poll's end takes them
        PaperSource source = PaperSource.findById(spec.name(), LockModeType.PESSIMISTIC_WRITE);
        boolean created = source == null;
        if (created) {
            source = new PaperSource();
            source.name = spec.name();
        } else if (source.spec().equals(spec) && origin.equals(source.origin)) {
            return false;
        }
        boolean samePlace = !created && source.spec().samePlace(spec);
        if (!samePlace) {
            // another feed or search: what the old one was up to says nothing about it
            source.etag = null;
            source.lastModified = null;
            source.harvestFrom = null;
            source.notBefore = null;
            source.failures = 0;
        }
        source.kind = spec.kind().id();
        source.url = spec.url();
        source.query = spec.query();
        source.set = spec.set();
        source.everySeconds = spec.every() == null ? null : spec.every().getSeconds();
        source.enabled = spec.enabled();
        source.origin = origin;
        source.changedAt = Instant.now();
        if (created) {
            source.persist();
        }
        jobs.schedule(source, !samePlace || source.lastPollAt == null);
        return created;
    }

    /** Removes the source and its job; false when there was none of that name. */
    public boolean delete(String name) {
        boolean deleted = QuarkusTransaction.requiringNew().call(() -> remove(name));
        metrics.refresh();
        return deleted;
    }

    private boolean remove(String name) {
        lockDefinitions();
        PaperSource source = PaperSource.findById(name, LockModeType.PESSIMISTIC_WRITE);
        if (source == null) {
            return false;
        }
        jobs.remove(name);
        source.delete();
        return true;
    }

    /** Gives every source its job and removes the jobs of sources gone (after a restore, or a crash mid-change). */
    @Transactional
    void reconcileJobs() {
        lockDefinitions();
        jobs.reconcile(PaperSource.all());
    }

    private SourceView view(PaperSource source) {
        return SourceView.of(source, jobs.describe(source), jobs.nextPoll(source));
    }

    private void lockDefinitions() {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(" + DEFINITIONS_LOCK + ")").getSingleResult();
    }
}
