package dev.paperboy.matching;

import java.util.List;
import java.util.Map;

/** Ranks many subscribers over one window of papers; built once per run or shard, used for many batches. */
public interface BatchMatcher {

    /**
     * Subscriber id to the papers that pass, best first (already thresholded, at most {@link Match#MAX_LISTED}).
     * Every requested subscriber has an entry, empty when nothing passes; an id that is no subscriber has none.
     */
    Map<Long, List<Match>> rank(List<MatchRequest> batch);
}
