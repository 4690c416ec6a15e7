package dev.paperboy.digest;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where claims look: from where the last claim got to, and from the first digest often enough that none is left. */
class ClaimStartTest {

    @Test
    void claimsLookFromTheLowestIdTheLastTookAndEverySixteenthFromTheFirst() {
        ClaimStart start = new ClaimStart();
        List<Long> looks = new ArrayList<>();
        for (int claim = 0; claim < 2 * ClaimStart.WHOLE_LOOK_EVERY; claim++) {
            long from = start.next();
            looks.add(from);
            start.took(1_000 + 50L * claim);
        }
        assertEquals(0, looks.get(0), "the node's first claim looks from the first digest");
        assertEquals(1_000, looks.get(1), "the next from the lowest id the first took");
        assertEquals(1_000 + 50 * 14, looks.get(15));
        assertEquals(0, looks.get(ClaimStart.WHOLE_LOOK_EVERY), "every sixteenth from the first digest again");
        assertEquals(1_000 + 50 * 16, looks.get(ClaimStart.WHOLE_LOOK_EVERY + 1));
    }

    @Test
    void aLookThatFoundFewerThanItCouldTakeIsFollowedByOneFromTheFirst() {
        assertTrue(ClaimStart.lookFromFirst(500, 10, 50), "short from a later point: the rest may be below it");
        assertFalse(ClaimStart.lookFromFirst(500, 50, 50), "a full batch from a later point is enough");
        assertFalse(ClaimStart.lookFromFirst(0, 10, 50), "a look from the first digest found all there is");
    }

    @Test
    void aTakeBelowThePointMovesTheNextLookBack() {
        ClaimStart start = new ClaimStart();
        start.next();
        start.took(5_000);
        assertEquals(5_000, start.next());
        start.took(40); // a retry found by a look from the first digest
        assertEquals(40, start.next());
    }
}
