package dev.paperboy.digest;

import dev.paperboy.matching.Explanation;
import dev.paperboy.matching.MatchingService;
import dev.paperboy.paper.Paper;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why each paper is in a digest, remembered by interest, reason and the paper's revision: a run's thousands of mails
 * carry the same few hundred papers for the same interests, and reading the interest and marking its words again
 * for each mail was a third of a sender's time.
 */
final class SharedExplanations {

    static final int REMEMBERED = 20_000;

    private final MatchingService matching;
    private final Map<Key, Explanation> recent = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Explanation> eldest) {
            return size() > REMEMBERED;
        }
    };

    SharedExplanations(MatchingService matching) {
        this.matching = matching;
    }

    private record Key(String interest, String reason, long paperId, long revision) {
    }

    /** Whether the explanation of this paper for this interest and reason is remembered (no need of its abstract). */
    boolean knows(String interest, String reason, Paper paper) {
        Key key = new Key(interest, reason, paper.id, paper.revision);
        synchronized (recent) {
            return recent.containsKey(key);
        }
    }

    /**
     * The explanation of this paper, as it is now, for the stored interest and reason of a digest: from the paper's
     * own title and abstract when the caller read them (plain values, no transaction), else matching reads it.
     */
    Explanation of(String interest, String reason, Paper paper) {
        Key key = new Key(interest, reason, paper.id, paper.revision);
        Explanation known;
        synchronized (recent) {
            known = recent.get(key);
        }
        if (known == null) {
            known = paper.abstractText != null ? matching.explain(interest, reason, paper)
                    // matching reads the paper as it is now, an entity: a sender composes outside any transaction
                    : QuarkusTransaction.joiningExisting().call(() -> matching.explain(interest, reason, paper.id));
            synchronized (recent) {
                recent.put(key, known);
            }
        }
        return known;
    }
}
