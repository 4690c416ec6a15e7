package dev.paperboy.digest;

import dev.paperboy.matching.BatchMatcher;
import dev.paperboy.matching.MatchRequest;
import dev.paperboy.matching.Match;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A run's matcher, made once on first need. The planner makes it before its first deciding transaction: building
 * the index embeds the papers that are new to the window (a minute or more after a large import, on a busy
 * machine), which inside a batch's transaction ran past its timeout and left the batch undecided.
 */
final class OnceMatcher implements BatchMatcher {

    private final Supplier<BatchMatcher> make;
    private volatile BatchMatcher made;

    OnceMatcher(Supplier<BatchMatcher> make) {
        this.make = make;
    }

    /** Makes the matcher now, if it is not made yet. */
    void prepare() {
        if (made == null) {
            synchronized (this) {
                if (made == null) {
                    made = make.get();
                }
            }
        }
    }

    @Override
    public Map<Long, List<Match>> rank(List<MatchRequest> batch) {
        prepare();
        return made.rank(batch);
    }
}
