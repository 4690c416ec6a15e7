package dev.paperboy.matching;

import dev.paperboy.matching.semantic.Vectors;
import dev.paperboy.subscriber.interest.InterestLanguage;
import dev.paperboy.subscriber.interest.InterestRefused;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Matching's lexical rules, on an index built in memory (no database, no model: the interests here have no vector,
 * so they rank by their words alone): the share of an interest's words a paper must have, the threshold, the cap on
 * papers per digest, the time window and the papers already sent. RankingTest has the rules of meaning.
 */
class PaperIndexTest {

    private static final Instant NOW = Instant.parse("2030-01-15T12:00:00Z");
    private static final Instant WEEK_AGO = NOW.minus(Duration.ofDays(7));
    private static final int NO_CAP = 50;

    private static WindowPaper paper(long id, String title, String abstractText) {
        return paper(id, title, abstractText, NOW.minus(Duration.ofHours(1)));
    }

    private static WindowPaper paper(long id, String title, String abstractText, Instant ingested) {
        return new WindowPaper(id, 1, title, abstractText, new String[0], new String[0], ingested, null, null,
                new float[Vectors.DIMENSIONS]);
    }

    private static WindowPaper paper(long id, String title, String abstractText, float[] vector) {
        return new WindowPaper(id, 1, title, abstractText, new String[0], new String[0], NOW.minus(Duration.ofHours(1)),
                null, null, vector);
    }

    private static PaperIndex index(WindowPaper... papers) {
        List<WindowPaper> inOrder = new ArrayList<>(Arrays.asList(papers));
        inOrder.sort((a, b) -> a.ingestedAt().compareTo(b.ingestedAt()));
        return new PaperIndex(inOrder);
    }

    private static List<Long> ids(List<Match> matches) {
        return matches.stream().map(Match::paperId).toList();
    }

    private static InterestHits hits(PaperIndex index, String interest, float threshold) {
        try {
            return Fusion.score(index, 0, index.size(), new InterestQuery(InterestLanguage.parse(interest), null), 1f,
                    threshold);
        } catch (InterestRefused e) {
            throw new AssertionError(e);
        }
    }

    private static List<Match> rank(PaperIndex index, int limit, float threshold, String... interests) {
        return Ranking.rank(index, Arrays.stream(interests).map(i -> hits(index, i, threshold)).toList(), WEEK_AGO,
                NOW, Set.of(), limit);
    }

    @Test
    void aPaperWithOnlyTheCommonerOfTwoWordsStaysUnderTheThreshold() {
        PaperIndex index = index(
                paper(1, "Graph neural networks for molecules", "We study message passing."),
                paper(2, "Graph colouring", "A classic problem on graphs, no learning."),
                paper(3, "Spiking neural networks", "Energy-efficient neural hardware."),
                paper(4, "Graph drawing", "Graphs laid out on a plane."));
        List<Long> found = ids(rank(index, NO_CAP, Fusion.THRESHOLD, "graph neural"));
        assertEquals(1L, found.get(0), "both words first");
        assertTrue(!found.contains(2L) && !found.contains(4L), "graph alone, the commoner word, is not enough: " + found);
    }

    @Test
    void moreOfTheWordsAndInTheTitleRankFirst() {
        PaperIndex index = index(
                paper(1, "Coral reef bleaching", "Ocean temperature drives it."),
                paper(2, "Coral reef fish", "Counting fish on reefs."),
                paper(3, "Bleaching events", "Warm ocean water, seen from satellites, on coral."));
        List<Long> found = ids(rank(index, NO_CAP, Fusion.THRESHOLD, "coral reef bleaching ocean temperature"));
        assertEquals(1L, found.get(0), "five words, three in the title");
        assertTrue(found.indexOf(3L) < found.indexOf(2L) || !found.contains(2L), "three of five before two of five");
    }

    @Test
    void wordsMatchAfterEnglishStemmingAndAreExplained() {
        PaperIndex index = index(paper(1, "Regenerating zebrafish fins", "Macrophages drive regeneration."));
        List<Match> matches = rank(index, NO_CAP, Fusion.THRESHOLD, "zebrafish regeneration");
        assertEquals(List.of(1L), ids(matches), "regeneration and regenerating share a stem");
        assertEquals("Matches “zebrafish regeneration”: zebrafish, regeneration in the title.", matches.get(0).reason());
    }

    @Test
    void aPaperScoringUnderTheThresholdIsLeftOut() {
        PaperIndex index = index(
                paper(1, "Tidal energy", "Tidal energy from tidal currents."),
                paper(2, "Tidal, wind and wave power", "Among many sources of power, tidal is one; "
                        + "this long abstract is mostly about wind, waves, solar panels, storage and grids."));
        List<Match> all = rank(index, NO_CAP, 0f, "tidal");
        assertEquals(List.of(1L, 2L), ids(all), "both match, the title one first");
        float high = all.get(0).score();
        float low = all.get(1).score();
        assertTrue(high > low);
        assertEquals(List.of(1L), ids(rank(index, NO_CAP, (high + low) / 2, "tidal")), "under the threshold: left out");
        assertEquals(List.of(1L, 2L), ids(rank(index, NO_CAP, low, "tidal")), "a score equal to the threshold is in");
        assertEquals(List.of(), ids(rank(index, NO_CAP, Math.nextUp(high), "tidal")));
    }

    @Test
    void aPaperUnderHalfOfTheInterestsBestIsLeftOutWhateverTheThreshold() {
        WindowPaper squarely = paper(1, "Tidal energy", "Tidal energy from tidal currents.");
        WindowPaper inPassing = paper(2, "Marine renewables", "Among many sources of power, tidal is one; "
                + "this long abstract is mostly about wind, waves, solar panels, storage and grids.");
        assertEquals(List.of(2L), ids(rank(index(inPassing), NO_CAP, 0f, "tidal")),
                "alone, the paper that names tidal in passing is the best there is");
        List<Match> both = rank(index(squarely, inPassing), NO_CAP, 0f, "tidal");
        assertEquals(List.of(1L), ids(both), "beside a paper squarely on tidal energy, it scores under half of it");
    }

    @Test
    void aPaperNearlyAsCloseInMeaningStaysWithoutTheWords() throws InterestRefused {
        float[] tidal = direction(1, 1);
        PaperIndex index = index(
                paper(1, "Tidal energy", "Tidal energy from tidal currents.", tidal),
                paper(2, "Power from the pull of the moon", "Turbines under the sea.", direction(0.9, 1)),
                paper(3, "Coral reef fish", "Counting fish on reefs.", direction(0, 2)),
                paper(4, "Bird migration", "Terns cross the Arctic.", direction(0, 3)));
        InterestHits hits = Fusion.score(index, 0, index.size(),
                new InterestQuery(InterestLanguage.parse("tidal"), tidal), Fusion.THRESHOLD);
        List<Long> found = ids(Ranking.rank(index, List.of(hits), WEEK_AGO, NOW, Set.of(), NO_CAP));
        assertEquals(List.of(1L, 2L), found, "the paper that says it in other words scores under half of the best, "
                + "yet it is nearly as close in meaning");
    }

    /** A unit vector at this cosine to the first axis, the rest of it along axis {@code off}. */
    private static float[] direction(double cosine, int off) {
        float[] v = new float[Vectors.DIMENSIONS];
        v[0] = (float) cosine;
        v[off] = (float) Math.sqrt(1 - cosine * cosine);
        return v;
    }

    @Test
    void atMostTheCapBestFirst() {
        List<WindowPaper> papers = new ArrayList<>();
        for (int i = 1; i <= 15; i++) {
            papers.add(paper(i, "Kelp forests " + "and kelp ".repeat(i % 4), "Kelp forest paper number " + i + "."));
        }
        PaperIndex index = index(papers.toArray(WindowPaper[]::new));
        List<Match> all = rank(index, NO_CAP, 0f, "kelp forests");
        assertEquals(15, all.size());
        List<Match> capped = rank(index, 10, 0f, "kelp forests");
        assertEquals(all.subList(0, 10), capped, "the ten best of all fifteen");
        for (int i = 1; i < capped.size(); i++) {
            assertTrue(capped.get(i - 1).score() >= capped.get(i).score(), "best first");
        }
    }

    @Test
    void onlyPapersOfTheWindowAndNotAlreadySent() {
        PaperIndex index = index(
                paper(1, "Lichen symbiosis", "Fungi and algae.", WEEK_AGO),
                paper(2, "Lichen symbiosis in deserts", "Fungi and algae in sand.", WEEK_AGO.plusSeconds(1)),
                paper(3, "Lichen symbiosis on roofs", "Fungi and algae on tiles.", NOW),
                paper(4, "Lichen symbiosis later", "Fungi and algae, later.", NOW.plusNanos(1_000)),
                paper(5, "Lichen symbiosis sent", "Fungi and algae, already sent.", NOW.minusSeconds(60)));
        List<Match> matches = Ranking.rank(index, List.of(hits(index, "lichen symbiosis", Fusion.THRESHOLD)),
                WEEK_AGO, NOW, Set.of(5L), NO_CAP);
        assertEquals(Set.of(2L, 3L), Set.copyOf(ids(matches)), "(since, until], without the papers already sent");
    }

    @Test
    void aPaperOfSeveralInterestsCountsOnceUnderItsBestOne() {
        PaperIndex index = index(paper(1, "Sea otters eat sea urchins", "Otters keep urchins in check."));
        List<Match> matches = rank(index, NO_CAP, Fusion.THRESHOLD, "sea urchins", "sea otters");
        assertEquals(1, matches.size());
        assertTrue(matches.get(0).reason().contains(". Also matches “"), matches.get(0).reason());
    }

    @Test
    void theReasonNamesEachOtherInterestQuotedInOneSentence() {
        PaperIndex index = index(paper(1, "Sea otters eat sea urchins", "Otters keep urchins in check."));
        List<Match> matches = rank(index, NO_CAP, Fusion.THRESHOLD, "sea urchins", "sea otters", "otters urchins");
        assertEquals(1, matches.size());
        String reason = matches.get(0).reason();
        assertTrue(reason.matches("Matches “[^”]+”.*\\. Also matches “[^”]+”, “[^”]+”\\."), reason);
        for (String interest : List.of("sea urchins", "sea otters", "otters urchins")) {
            assertTrue(reason.contains("“" + interest + "”"), reason);
        }
    }
}
