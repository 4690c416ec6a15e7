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

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Embeds in the background, one job at a time on this node: papers as soon as an import commits them (and at
 * start, those stored before vectors existed), interests as soon as they are saved. Ranking never waits for it:
 * what it has not done yet is done by whoever needs the vector first.
 */
@ApplicationScoped
public class VectorBackfill {

    private static final Logger LOG = Logger.getLogger(VectorBackfill.class);
    static final int BATCH = 64;

    private final PaperVectors papers;
    private final InterestVectors interests;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "paperboy-embedding");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean papersQueued = new AtomicBoolean();

    VectorBackfill(PaperVectors papers, InterestVectors interests) {
        this.papers = papers;
        this.interests = interests;
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

    /** Several imports in a row queue one pass, which embeds until no paper lacks its vector. */
    private void embedPapers() {
        if (!papersQueued.compareAndSet(false, true)) {
            return;
        }
        worker.execute(() -> {
            papersQueued.set(false);
            try {
                int done;
                do {
                    done = papers.backfill();
                } while (done > 0);
            } catch (RuntimeException e) {
                LOG.warn("Could not embed papers; index builds will embed them when they need them", e);
            }
        });
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
