package dev.paperboy.matching;

import dev.paperboy.paper.Paper;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Today's matching rules, on an index built in memory (no database): the words an interest requires, the minimum
 * score, the cap on papers per digest, the time window and the papers already sent. Issue 7 rewrites matching;
 * these tests state the rules as they are and change with them.
 */
class PaperIndexTest {

    private static final Instant NOW = Instant.parse("2030-01-15T12:00:00Z");
    private static final Instant WEEK_AGO = NOW.minus(Duration.ofDays(7));
    private static final int NO_CAP = 50;

    private static Paper paper(long id, String title, String abstractText) {
        return paper(id, title, abstractText, NOW.minus(Duration.ofHours(1)));
    }

    private static Paper paper(long id, String title, String abstractText, Instant ingested) {
        Paper paper = new Paper();
        paper.id = id;
        paper.title = title;
        paper.abstractText = abstractText;
        paper.ingestedAt = ingested;
        return paper;
    }

    private static PaperIndex index(Paper... papers) {
        return new PaperIndex(List.of(papers), new EnglishAnalyzer());
    }

    private static List<Long> ids(List<Match> matches) {
        return matches.stream().map(Match::paperId).toList();
    }

    private static List<Match> rank(PaperIndex index, String interest, int limit, float minScore) {
        return index.rank(List.of(interest), WEEK_AGO, NOW, Set.of(), limit, minScore);
    }

    @Test
    void anInterestOfTwoWordsRequiresBoth() {
        PaperIndex index = index(
                paper(1, "Graph neural networks for molecules", "We study message passing."),
                paper(2, "Graph colouring", "A classic problem on graphs, no learning."),
                paper(3, "Spiking neural networks", "Energy-efficient neural hardware."));
        assertEquals(List.of(1L), ids(rank(index, "graph neural", NO_CAP, 0f)));
    }

    /** Five words: three of them (60 %, rounded up) must be in the paper, in the title or the abstract. */
    @Test
    void aLongerInterestRequiresMostOfItsWords() {
        PaperIndex index = index(
                paper(1, "Coral reef bleaching", "Ocean temperature drives it."),
                paper(2, "Coral reef fish", "Counting fish on reefs."),
                paper(3, "Bleaching events", "Warm ocean water, seen from satellites, on coral."));
        List<Long> found = ids(rank(index, "coral reef bleaching ocean temperature", NO_CAP, 0f));
        assertEquals(Set.of(1L, 3L), Set.copyOf(found), "5 and 3 of 5 words match; 2 of 5 do not");
        assertEquals(1L, found.get(0), "more words, and in the title, rank first");
    }

    @Test
    void wordsMatchAfterEnglishStemmingAndAreExplained() {
        PaperIndex index = index(paper(1, "Regenerating zebrafish fins", "Macrophages drive regeneration."));
        List<Match> matches = rank(index, "zebrafish regeneration", NO_CAP, 0f);
        assertEquals(List.of(1L), ids(matches), "regeneration and regenerating share a stem");
        assertEquals("Matches “zebrafish regeneration”: zebrafish, regeneration in the title.", matches.get(0).reason());
    }

    @Test
    void aPaperScoringUnderTheMinimumIsLeftOut() {
        PaperIndex index = index(
                paper(1, "Tidal energy", "Tidal energy from tidal currents."),
                paper(2, "Marine renewables", "Among many sources of power, tidal is one; "
                        + "this long abstract is mostly about wind, waves, solar panels, storage and grids."));
        List<Match> all = rank(index, "tidal", NO_CAP, 0f);
        assertEquals(List.of(1L, 2L), ids(all), "both match, the title one first");
        float high = all.get(0).score();
        float low = all.get(1).score();
        assertTrue(high > low);
        float between = (high + low) / 2;
        assertEquals(List.of(1L), ids(rank(index, "tidal", NO_CAP, between)), "under the minimum: left out");
        assertEquals(List.of(1L, 2L), ids(rank(index, "tidal", NO_CAP, low)), "a score equal to the minimum is in");
        assertEquals(List.of(), ids(rank(index, "tidal", NO_CAP, Math.nextUp(high))));
    }

    @Test
    void atMostTheCapBestFirst() {
        List<Paper> papers = new ArrayList<>();
        for (int i = 1; i <= 15; i++) {
            papers.add(paper(i, "Kelp forests " + "and kelp ".repeat(i % 4), "Kelp forest paper number " + i + "."));
        }
        PaperIndex index = new PaperIndex(papers, new EnglishAnalyzer());
        List<Match> all = rank(index, "kelp forests", NO_CAP, 0f);
        assertEquals(15, all.size());
        List<Match> capped = rank(index, "kelp forests", 10, 0f);
        assertEquals(10, capped.size());
        assertEquals(all.subList(0, 10), capped, "the ten best of all fifteen");
        assertEquals(capped.stream().sorted(Comparator.comparingDouble(Match::score).reversed()
                .thenComparing(Match::paperId)).toList(), capped, "best first, ties by paper");
    }

    @Test
    void onlyPapersOfTheWindowAndNotAlreadySent() {
        PaperIndex index = index(
                paper(1, "Lichen symbiosis", "Fungi and algae.", WEEK_AGO),
                paper(2, "Lichen symbiosis in deserts", "Fungi and algae in sand.", WEEK_AGO.plusSeconds(1)),
                paper(3, "Lichen symbiosis on roofs", "Fungi and algae on tiles.", NOW),
                paper(4, "Lichen symbiosis later", "Fungi and algae, later.", NOW.plusNanos(1_000)),
                paper(5, "Lichen symbiosis sent", "Fungi and algae, already sent.", NOW.minusSeconds(60)));
        List<Match> matches = index.rank(List.of("lichen symbiosis"), WEEK_AGO, NOW, Set.of(5L), NO_CAP, 0f);
        assertEquals(Set.of(2L, 3L), Set.copyOf(ids(matches)), "(since, until], without the papers already sent");
    }

    @Test
    void aPaperOfSeveralInterestsCountsOnceUnderItsBestOne() {
        PaperIndex index = index(paper(1, "Sea otters eat sea urchins", "Otters keep urchins in check."));
        List<Match> matches = index.rank(List.of("sea urchins", "sea otters"), WEEK_AGO, NOW, Set.of(), NO_CAP, 0f);
        assertEquals(1, matches.size());
        assertTrue(matches.get(0).reason().contains(". Also matches “"), matches.get(0).reason());
    }
}
