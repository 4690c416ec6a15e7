package dev.paperboy.digest;

import dev.paperboy.matching.Explanation;
import dev.paperboy.matching.MatchingService;
import dev.paperboy.paper.Paper;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

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

    // equals and hashCode written out: a record's own go through method handles, which C2 inlines into every lookup
    private record Key(String interest, String reason, long paperId, long revision) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.paperId == paperId && key.revision == revision
                    && Objects.equals(key.interest, interest) && Objects.equals(key.reason, reason);
        }

        @Override
        public int hashCode() {
            int hash = Objects.hashCode(interest) * 31 + Objects.hashCode(reason);
            return hash * 31 + Long.hashCode(paperId * 31 + revision);
        }
    }

    /** The remembered explanation of this paper for this interest and reason, or null (then its abstract is needed). */
    Explanation remembered(String interest, String reason, Paper paper) {
        Key key = new Key(interest, reason, paper.id, paper.revision);
        synchronized (recent) {
            return recent.get(key);
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
