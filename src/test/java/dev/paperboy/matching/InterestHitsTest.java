package dev.paperboy.matching;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InterestHitsTest {

    /** Three papers: both words in the title; "graph" in the title and "neural" in the abstract; neither. */
    private static InterestHits hits() {
        return new InterestHits("graph neural", List.of("graph", "neural"), new int[] {0, 1, 2},
                new float[] {0.9f, 0.8f, 0.7f}, new int[] {0b11, 0b01, 0}, new int[] {0, 0b10, 0});
    }

    @Test
    void anInterestOnePersonIsListedKeepsNoReasonAndNoQuotedText() {
        // a million people follow some 400,000 distinct interests, most of them one person's: what such an interest
        // keeps after the run is held by the run's matcher (1 GB heap at 1,000,000 subscribers)
        InterestHits hits = hits();
        for (int asked = 0; asked < Match.MAX_LISTED; asked++) {
            hits.reason(asked % 3);
        }
        assertEquals(0, hits.kept());
        assertNotSame(hits.quoted(), hits.quoted());
    }

    @Test
    void theBytesOfWhatItKeepsLaterAreCountedWhereItsMatcherCountsWhatItHolds() {
        // WindowMatcher bounds what it keeps between batches in bytes: counted when an interest is scored, and as its
        // reasons and quoted text are kept later on
        InterestHits hits = hits();
        AtomicLong held = new AtomicLong();
        hits.countKeptIn(held);
        long scored = hits.bytes();
        assertTrue(scored >= 16 * 3 + "graph neural".length(), scored + " bytes");
        for (int asked = 0; asked <= InterestHits.KEPT_AFTER + 3; asked++) {
            hits.reason(asked % 3);
        }
        hits.quoted();
        assertEquals(3, hits.kept());
        assertTrue(held.get() > 3 * "Matches “graph neural”.".length(), held.get() + " bytes kept");
        assertEquals(hits.bytes() - scored, held.get());
    }

    @Test
    void anInterestManyAreListedKeepsItsReasonsWordedAsBefore() {
        InterestHits hits = hits();
        for (int asked = 0; asked <= InterestHits.KEPT_AFTER; asked++) {
            hits.reason(asked % 3);
        }
        String first = hits.reason(0);
        assertSame(first, hits.reason(0));
        assertSame(hits.quoted(), hits.quoted());
        assertEquals("Matches “graph neural”: graph, neural in the title.", first);
        assertEquals("Matches “graph neural”: graph in the title; neural in the abstract.", hits.reason(1));
        assertEquals("Close in meaning to “graph neural”.", hits.reason(2));
        assertEquals(3, hits.kept());
        assertEquals("Matches “graph neural”: graph, neural in the title.", hits().reason(0));
    }
}
