package dev.paperboy.subscriber;

import dev.paperboy.subscriber.Subscriber.Cadence;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules every form, preference change and import goes through: what passes, cleaned, and one message per bad field. */
class SubscriptionChoicesTest {

    private final Map<String, String> errors = new LinkedHashMap<>();

    private Optional<SubscriptionChoices> check(String interests, String cadence, String hour, String zone) {
        return SubscriptionChoices.check(SubscriptionChoices.lines(interests), cadence, hour, zone, errors);
    }

    @Test
    void blankCadenceHourAndZoneTakeTheDefaults() {
        SubscriptionChoices choices = check("graph neural networks", null, " ", "").orElseThrow();
        assertEquals(Cadence.daily, choices.cadence());
        assertEquals(SubscriptionChoices.DEFAULT_HOUR, choices.hour());
        assertEquals(SubscriptionChoices.DEFAULT_ZONE, choices.timezone());
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void goodValuesPassTrimmed() {
        SubscriptionChoices choices = check("graphs", " Weekly ", " 23 ", " Pacific/Kiritimati ").orElseThrow();
        assertEquals(Cadence.weekly, choices.cadence());
        assertEquals(23, choices.hour());
        assertEquals("Pacific/Kiritimati", choices.timezone());
        assertEquals(0, check("graphs", "daily", "0", "UTC").orElseThrow().hour());
    }

    @Test
    void interestsAreCleanedDeduplicatedAndBlankLinesDropped() {
        SubscriptionChoices choices = check("  diffusion   models \r\n\n\t\nDiffusion Models\rretrieval\u0000augmented\u202Egeneration\n",
                "daily", "8", "UTC").orElseThrow();
        assertEquals(List.of("diffusion models", "retrieval augmented generation"), choices.interests());
        assertEquals("diffusion models\nretrieval augmented generation", choices.interestText());
    }

    @Test
    void anInterestCheckedBeforeIsJudgedTheSameAgainAmongMany() {
        // accepted interests are remembered (an import's thousands of people share a few hundred), refused ones not
        for (int round = 0; round < 3; round++) {
            errors.clear();
            assertTrue(check("graph neural networks\nretrieval", "daily", "8", "UTC").isPresent(), errors.toString());
            errors.clear();
            assertEquals(Optional.empty(), check("graph neural networks\nNOT retrieval", "daily", "8", "UTC"));
            assertTrue(errors.get("interests").startsWith("“NOT retrieval”: "), errors.toString());
        }
        for (int i = 0; i < SubscriptionChoices.ACCEPTED_REMEMBERED + 10; i++) {
            assertTrue(check("topic number " + i, "daily", "8", "UTC").isPresent(), errors.toString());
        }
        errors.clear();
        assertEquals(Optional.empty(), check("topic number 3\nNOT retrieval", "daily", "8", "UTC"));
        assertTrue(errors.get("interests").startsWith("“NOT retrieval”: "), errors.toString());
    }

    @Test
    void noInterestIsRefused() {
        for (String none : new String[]{null, "", "\n\n", "  \n\t\n \r\n", "\u0000\u200B"}) {
            errors.clear();
            assertEquals(Optional.empty(), check(none, "daily", "8", "UTC"), String.valueOf(none));
            assertEquals(Map.of("interests", "Add at least one interest, one per line."), errors);
        }
    }

    @Test
    void interestLengthLimit() {
        String longest = "graph neural networks ".repeat(10).substring(0, SubscriptionChoices.MAX_INTEREST_LENGTH - 1) + "s";
        assertEquals(List.of(longest), check(longest, "daily", "8", "UTC").orElseThrow().interests());
        assertEquals(Optional.empty(), check("ok\n" + longest + "y", "daily", "8", "UTC"));
        assertEquals(Map.of("interests", "Each interest can have at most 200 characters; one has 201."), errors);
    }

    @Test
    void interestCountLimitCountsDistinctInterests() {
        List<String> twenty = IntStream.rangeClosed(1, 20).mapToObj(i -> "topic " + i).toList();
        assertEquals(twenty, SubscriptionChoices.check(twenty, "daily", "8", "UTC", errors).orElseThrow().interests());

        List<String> twentyWithRepeat = new ArrayList<>(twenty);
        twentyWithRepeat.add("TOPIC 1");
        assertEquals(20, SubscriptionChoices.check(twentyWithRepeat, "daily", "8", "UTC", errors).orElseThrow().interests().size());

        List<String> twentyOne = IntStream.rangeClosed(1, 21).mapToObj(i -> "topic " + i).toList();
        assertEquals(Optional.empty(), SubscriptionChoices.check(twentyOne, "daily", "8", "UTC", errors));
        assertEquals(Map.of("interests", "At most 20 interests, please; you gave 21."), errors);
    }

    @Test
    void badHoursAreRefused() {
        for (String hour : new String[]{"24", "-1", "abc", "7.5", "99999999999", "8am", "0x08"}) {
            errors.clear();
            assertEquals(Optional.empty(), check("graphs", "daily", hour, "UTC"), hour);
            assertEquals(Map.of("hour", "Choose an hour from 0 to 23."), errors, hour);
        }
    }

    @Test
    void badCadencesAreRefused() {
        for (String cadence : new String[]{"hourly", "monthly", "daily;weekly", "0"}) {
            errors.clear();
            assertEquals(Optional.empty(), check("graphs", cadence, "8", "UTC"), cadence);
            assertEquals(Map.of("cadence", "Choose daily or weekly."), errors, cadence);
        }
    }

    @Test
    void unknownZonesAreRefused() {
        for (String zone : new String[]{"Mars/Olympus", "Europe/Pariss", "utc", "+25:00", "../../etc/passwd",
                "Europe/Paris\r\nX: y"}) {
            errors.clear();
            assertEquals(Optional.empty(), check("graphs", "daily", "8", zone), zone);
            assertEquals(Map.of("timezone", "Unknown time zone: choose one from the list (for example Europe/Paris)."),
                    errors, zone);
        }
    }

    @Test
    void everyBadFieldGetsItsOwnMessageAtOnce() {
        assertEquals(Optional.empty(), check("", "hourly", "24", "Mars/Olympus"));
        assertEquals(List.of("interests", "cadence", "hour", "timezone"), new ArrayList<>(errors.keySet()));
    }

    @Test
    void theCallersOtherErrorsAreKept() {
        errors.put("email", "bad address");
        assertTrue(check("graphs", "daily", "8", "UTC").isPresent());
        assertEquals(Map.of("email", "bad address"), errors);
    }

    @Test
    void linesSplitOnEveryKindOfLineBreak() {
        assertEquals(List.of(), SubscriptionChoices.lines(null));
        assertEquals(Arrays.asList("a", "b", "c", "d"), SubscriptionChoices.lines("a\r\nb\rc\nd"));
    }

    @Test
    void papersPerMailAreFiveToThirtyTenByDefault() {
        Map<String, String> errors = new HashMap<>();
        assertEquals(10, SubscriptionChoices.check(List.of("graphs"), "daily", "8", "UTC", null, errors).orElseThrow().papers());
        assertEquals(10, SubscriptionChoices.check(List.of("graphs"), "daily", "8", "UTC", null, " ", false, errors).orElseThrow().papers());
        assertEquals(5, SubscriptionChoices.check(List.of("graphs"), "daily", "8", "UTC", null, "5", false, errors).orElseThrow().papers());
        assertEquals(30, SubscriptionChoices.check(List.of("graphs"), "daily", "8", "UTC", null, " 30 ", false, errors).orElseThrow().papers());
        assertEquals(Map.of(), errors);
        for (String bad : new String[] {"4", "31", "ten", "-5", "1e1"}) {
            Map<String, String> found = new HashMap<>();
            assertEquals(Optional.empty(), SubscriptionChoices.check(List.of("graphs"), "daily", "8", "UTC", null, bad, false, found), bad);
            assertEquals(Map.of("papers", "Choose 5 to 30 papers per digest."), found, bad);
        }
    }

    @Test
    void withTrendingPapersNoInterestIsRequired() {
        Map<String, String> errors = new HashMap<>();
        SubscriptionChoices trending = SubscriptionChoices.check(List.of("", " "), "weekly", "8", "UTC", null, null, true, errors)
                .orElseThrow();
        assertEquals(List.of(), trending.interests());
        assertTrue(trending.trending());
        assertEquals(Optional.empty(), SubscriptionChoices.check(List.of(""), "weekly", "8", "UTC", null, null, false, errors));
        assertEquals(Map.of("interests", "Add at least one interest, one per line."), errors);
        assertEquals(Optional.empty(), SubscriptionChoices.check(List.of("cat:"), "weekly", "8", "UTC", null, null, true,
                new HashMap<>()), "a bad interest is refused, trending or not");
    }
}
