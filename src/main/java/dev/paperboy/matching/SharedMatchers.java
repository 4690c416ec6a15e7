package dev.paperboy.matching;

import java.lang.ref.SoftReference;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The last few matchers made, by window: the shards of one run (each its own Quartz job, a few thousand subscribers)
 * then share one, and the interests they have in common are scored once. Held softly: a matcher keeps the scores
 * of every interest it met, and the collector may take them back between runs.
 */
final class SharedMatchers {

    static final int KEPT = 4;

    /** A window: the very index (a rebuilt one is another window: PaperIndex is equal only to itself), the ordinals it ranks, and the run's end. */
    record Key(PaperIndex index, int from, int to, Instant until) {
    }

    private final Map<Key, SoftReference<BatchMatcher>> kept = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, SoftReference<BatchMatcher>> eldest) {
            return size() > KEPT;
        }
    };

    /** The matcher of this window, made now if none is kept. */
    synchronized BatchMatcher of(Key key, Supplier<BatchMatcher> make) {
        SoftReference<BatchMatcher> held = kept.get(key);
        BatchMatcher matcher = held == null ? null : held.get();
        if (matcher == null) {
            matcher = make.get();
            kept.put(key, new SoftReference<>(matcher));
        }
        return matcher;
    }
}
