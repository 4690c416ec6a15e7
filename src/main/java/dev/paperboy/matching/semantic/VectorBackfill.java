package dev.paperboy.matching.semantic;

import dev.paperboy.paper.PapersStored;
import dev.paperboy.subscriber.InterestsSaved;
import dev.paperboy.subscriber.interest.InterestLanguage;
import dev.paperboy.subscriber.interest.InterestRefused;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Embeds in the background, one job at a time on this node: papers as soon as an import commits them (and at
 * start, those stored before vectors existed), every paper's vector before any paper's halves, and interests as soon
 * as they are saved. Ranking never waits for it: what it has not done yet is done by whoever needs the vector first.
 * The halves can wait: they step aside, between batches, while a digest run is under way on this node.
 */
@ApplicationScoped
public class VectorBackfill {

    private static final Logger LOG = Logger.getLogger(VectorBackfill.class);
    static final int BATCH = 64;
    /** How often halves that stepped aside look again whether the node is free. */
    static final Duration STEP_ASIDE = Duration.ofSeconds(1);

    private final PaperVectors papers;
    private final InterestVectors interests;
    private final Foreground foreground;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "paperboy-embedding");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean papersQueued = new AtomicBoolean();
    // the halves still to embed, and whether a task for them is queued: touched by the worker thread only
    private final Deque<PaperVectors.Text> halves = new ArrayDeque<>();
    private boolean halvesQueued;

    VectorBackfill(PaperVectors papers, InterestVectors interests, Foreground foreground) {
        this.papers = papers;
        this.interests = interests;
        this.foreground = foreground;
    }

    void onStart(@Observes StartupEvent start) {
        embedPapers();
        worker.execute(this::embedFollowedInterests);
    }

    void onPapers(@Observes(during = TransactionPhase.AFTER_SUCCESS) PapersStored stored) {
        embedPapers();
    }

    void onInterests(@Observes(during = TransactionPhase.AFTER_SUCCESS) InterestsSaved saved) {
        List<String> meanings = meanings(saved.interests());
        worker.execute(() -> {
            try {
                interests.of(meanings, true);
            } catch (RuntimeException e) {
                LOG.warn("Could not embed saved interests; ranking will embed them when it needs them", e);
            }
        });
    }

    /**
     * Several imports in a row queue one pass, which embeds until no paper lacks its vector (one text a paper: what an
     * index build would otherwise wait for), then queues the halves.
     */
    private void embedPapers() {
        if (!papersQueued.compareAndSet(false, true)) {
            return;
        }
        worker.execute(() -> {
            papersQueued.set(false);
            try {
                List<PaperVectors.Text> missing;
                while (!(missing = papers.missing(false)).isEmpty()) {
                    for (int from = 0; from < missing.size(); from += PaperVectors.BATCH) {
                        papers.backfill(missing.subList(from, Math.min(missing.size(), from + PaperVectors.BATCH)),
                                false);
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("Could not embed papers; index builds will embed them when they need them", e);
            }
            halves.clear(); // read again: this pass may have come for new papers, newer than those read before
            if (!halvesQueued) {
                halvesQueued = true;
                worker.execute(this::embedHalves);
            }
        });
    }

    /**
     * One batch of papers' halves a task (interests saved meanwhile are embedded between two), until no paper lacks
     * them; while a digest run is under way on this node, it looks again a little later instead.
     */
    private void embedHalves() {
        if (foreground.busy()) {
            worker.schedule(this::embedHalves, STEP_ASIDE.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        try {
            if (halves.isEmpty()) {
                halves.addAll(papers.missing(true));
            }
            if (halves.isEmpty()) {
                halvesQueued = false;
                return;
            }
            List<PaperVectors.Text> batch = new ArrayList<>();
            while (batch.size() < PaperVectors.BATCH && !halves.isEmpty()) {
                batch.add(halves.poll());
            }
            papers.backfill(batch, true);
            worker.execute(this::embedHalves);
        } catch (RuntimeException e) {
            halvesQueued = false;
            halves.clear();
            LOG.warn("Could not embed the papers' halves; the next import or start tries again", e);
        }
    }

    /** Interests saved before vectors were kept (or while embedding failed) get theirs, a batch at a time. */
    private void embedFollowedInterests() {
        try {
            List<String> unstored = interests.unstored(meanings(interests.followed()).stream().distinct().toList());
            for (int from = 0; from < unstored.size(); from += BATCH) {
                interests.of(unstored.subList(from, Math.min(unstored.size(), from + BATCH)), true);
            }
            if (!unstored.isEmpty()) {
                LOG.infof("Embedded %d interests saved before their vectors were kept", unstored.size());
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not embed the interests people follow; ranking will embed them when it needs them", e);
        }
    }

    static List<String> meanings(Collection<String> typed) {
        List<String> meanings = new ArrayList<>();
        for (String interest : typed) {
            try {
                String meaning = InterestLanguage.parse(interest).meaning();
                if (!meaning.isEmpty()) {
                    meanings.add(meaning);
                }
            } catch (InterestRefused e) {
                // saved before the language was checked: ranking ignores it as well
            }
        }
        return meanings;
    }

    void onStop(@Observes ShutdownEvent stop) {
        worker.shutdownNow();
    }
}
