package dev.paperboy.matching;

import dev.paperboy.subscriber.interest.InterestLanguage;
import dev.paperboy.subscriber.interest.InterestRefused;
import dev.paperboy.subscriber.interest.ParsedInterest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The ranking of one run (or shard) over the papers of one window. Each distinct interest is scored once, however
 * many people follow it; each person then gets the best of their interests' papers within their own window.
 */
final class WindowMatcher implements BatchMatcher {

    /** What each of these subscribers follows, by id; ids that are no subscriber are left out. */
    interface Interests {
        Map<Long, SubscriberInterests.Profile> of(Collection<Long> subscriberIds);
    }

    /** A person who asked for trending papers gets at most this many of them per digest. */
    static final int TRENDING = 5;
    /**
     * The bytes (roughly: {@link InterestHits#bytes}) of what a matcher keeps for its next batches: a run's matcher is
     * shared by its shards, and a million people follow some 400,000 distinct interests of a few dozen to a few
     * hundred hits (16 bytes each) each, with their texts and, for the popular ones, the reasons they keep: counted
     * so, 260 MB at the scale benchmark's 1,000,000 (which this leaves whole). Counting hits alone let kept strings
     * grow outside the bound (300 MB more at 1,000,000 before 9cf11a3).
     */
    static final long MAX_HELD = 320_000_000;
    /** A kept entry's map node and Optional, beside the {@link InterestHits} it holds. */
    private static final int ENTRY = 48;

    private final PaperIndex index;
    private final int[] range;
    private final Instant until;
    private final Interests interests;
    private final Function<Collection<String>, Map<String, float[]>> vectors;
    private final float threshold;
    /** Scores by interest as typed; empty for an interest the language refuses (saved before it was checked). */
    private final Map<String, Optional<InterestHits>> scored = new ConcurrentHashMap<>();
    /** Roughly how many bytes {@link #scored} holds, the reasons its interests keep included. */
    private final AtomicLong held = new AtomicLong();
    private final long maxHeld;
    /** The most upvoted papers of each (since, until] asked, most first: shared by the people of a period. */
    private final Map<List<Instant>, int[]> trending = new ConcurrentHashMap<>();

    WindowMatcher(PaperIndex index, int[] range, Instant until, Interests interests,
                  Function<Collection<String>, Map<String, float[]>> vectors, float threshold) {
        this(index, range, until, interests, vectors, threshold, MAX_HELD);
    }

    /** Keeping at most about {@code maxHeld} bytes for the next batches. */
    WindowMatcher(PaperIndex index, int[] range, Instant until, Interests interests,
                  Function<Collection<String>, Map<String, float[]>> vectors, float threshold, long maxHeld) {
        this.index = index;
        this.range = range;
        this.until = until;
        this.interests = interests;
        this.vectors = vectors;
        this.threshold = threshold;
        this.maxHeld = maxHeld;
    }

    @Override
    public Map<Long, List<Match>> rank(List<MatchRequest> batch) {
        if (batch.isEmpty()) {
            return Map.of();
        }
        Map<Long, SubscriberInterests.Profile> followed = interests.of(batch.stream().map(MatchRequest::subscriberId).toList());
        Map<String, Optional<InterestHits>> known = scores(followed.values());
        Map<Long, List<Match>> ranked = new HashMap<>();
        for (MatchRequest request : batch) {
            SubscriberInterests.Profile of = followed.get(request.subscriberId());
            if (of == null) {
                continue;
            }
            List<InterestHits> hits = new ArrayList<>(of.interests().size());
            for (String interest : of.interests()) {
                known.get(interest).ifPresent(hits::add);
            }
            Instant end = request.until().isAfter(until) ? until : request.until();
            int[] mostUpvoted = of.trending() ? trending.computeIfAbsent(List.of(request.since(), end),
                    period -> index.mostUpvoted(period.get(0), period.get(1), TRENDING + Match.MAX_LISTED)) : new int[0];
            ranked.put(request.subscriberId(), Ranking.rank(index, hits, mostUpvoted, TRENDING, of.taste(), request.since(), end,
                    request.exclude(), Match.MAX_LISTED));
        }
        return ranked;
    }

    /**
     * The scores of every interest these people follow: those scored before, and the new ones scored now (all in
     * one go). What is kept for the next batches is bounded: past {@code maxHeld} hits, it starts afresh.
     */
    private Map<String, Optional<InterestHits>> scores(Collection<SubscriberInterests.Profile> profiles) {
        Map<String, Optional<InterestHits>> known = new HashMap<>();
        List<String> fresh = new ArrayList<>();
        for (SubscriberInterests.Profile profile : profiles) {
            for (String interest : profile.interests()) {
                if (!known.containsKey(interest)) {
                    Optional<InterestHits> hits = scored.get(interest);
                    known.put(interest, hits);
                    if (hits == null) {
                        fresh.add(interest);
                    }
                }
            }
        }
        Map<String, Optional<InterestHits>> scoredNow = score(fresh);
        known.putAll(scoredNow);
        long size = 0;
        for (Map.Entry<String, Optional<InterestHits>> entry : scoredNow.entrySet()) {
            size += bytes(entry);
            entry.getValue().ifPresent(hits -> hits.countKeptIn(held)); // the reasons it keeps later count too
        }
        if (held.addAndGet(size) > maxHeld) {
            scored.clear();
            held.set(size);
        }
        scored.putAll(scoredNow);
        return known;
    }

    /** The bytes it counts as kept for the next batches (for tests). */
    long held() {
        return held.get();
    }

    /** The bytes of what it keeps for the next batches, counted afresh from the scores themselves (for tests). */
    long heldNow() {
        long bytes = 0;
        for (Map.Entry<String, Optional<InterestHits>> entry : scored.entrySet()) {
            bytes += bytes(entry);
        }
        return bytes;
    }

    private static long bytes(Map.Entry<String, Optional<InterestHits>> entry) {
        return ENTRY + entry.getValue().map(InterestHits::bytes).orElse(InterestHits.string(entry.getKey()));
    }

    /** Parses the new interests, fetches their vectors in one go, and scores each over the window. */
    private Map<String, Optional<InterestHits>> score(List<String> fresh) {
        Map<String, Optional<InterestHits>> scored = new HashMap<>();
        Map<String, ParsedInterest> parsed = new LinkedHashMap<>();
        for (String interest : fresh) {
            try {
                parsed.put(interest, InterestLanguage.parse(interest));
            } catch (InterestRefused e) {
                scored.put(interest, Optional.empty());
            }
        }
        Map<String, float[]> byMeaning = vectors.apply(parsed.values().stream().map(ParsedInterest::meaning)
                .filter(m -> !m.isEmpty()).distinct().toList());
        List<String> texts = new ArrayList<>(parsed.keySet());
        List<InterestHits> hits = Fusion.score(index, range[0], range[1], texts.stream().map(t -> new InterestQuery(
                parsed.get(t), byMeaning.get(parsed.get(t).meaning()), index)).toList(), threshold);
        for (int i = 0; i < texts.size(); i++) {
            scored.put(texts.get(i), Optional.of(hits.get(i)));
        }
        return scored;
    }
}
