package dev.paperboy.subscriber;

import dev.paperboy.subscriber.Subscriber.Cadence;
import dev.paperboy.subscriber.interest.InterestLanguage;
import dev.paperboy.subscriber.interest.InterestRefused;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * What a person follows (interests, and the period's trending papers if they ask), when they want it (a weekly
 * digest's weekday too), and how many papers a mail shows; checked the same way for the form, preferences and imports.
 */
public record SubscriptionChoices(List<String> interests, Cadence cadence, int hour, String timezone, DayOfWeek weekday,
                                  int papers, boolean trending) {

    public static final int MAX_INTERESTS = 20;
    public static final int MAX_INTEREST_LENGTH = 200;
    public static final int DEFAULT_HOUR = 8;
    public static final String DEFAULT_ZONE = "UTC";
    public static final int MIN_PAPERS = 5;
    public static final int MAX_PAPERS = 30;
    public static final int DEFAULT_PAPERS = 10;

    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}|\\p{Cf}");
    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();
    /** Interests the language accepted lately, remembered at most (a few hundred KB). */
    static final int ACCEPTED_REMEMBERED = 10_000;
    private static final Set<String> ACCEPTED = ConcurrentHashMap.newKeySet();

    /** Choices with a weekly digest on Mondays, the default. */
    public SubscriptionChoices(List<String> interests, Cadence cadence, int hour, String timezone) {
        this(interests, cadence, hour, timezone, DayOfWeek.MONDAY);
    }

    /** Choices with the default number of papers and no trending papers. */
    public SubscriptionChoices(List<String> interests, Cadence cadence, int hour, String timezone, DayOfWeek weekday) {
        this(interests, cadence, hour, timezone, weekday, DEFAULT_PAPERS, false);
    }

    /** The lines of a textarea. */
    public static List<String> lines(String text) {
        return text == null ? List.of() : List.of(text.split("\\R"));
    }

    /**
     * Checks raw input. Blank cadence, hour or zone take the defaults (daily, 8, UTC). On failure returns empty and
     * puts one message per failing field (interests, cadence, hour, timezone) into {@code errors}.
     */
    public static Optional<SubscriptionChoices> check(List<String> rawInterests, String cadence, String hour,
                                                      String timezone, Map<String, String> errors) {
        return check(rawInterests, cadence, hour, timezone, null, errors);
    }

    /**
     * As {@link #check(List, String, String, String, Map)}, with the weekday of a weekly digest: monday ... sunday
     * (or mon ... sun, or 1 ... 7 from Monday); blank is Monday. A wrong one is reported as "weekday".
     */
    public static Optional<SubscriptionChoices> check(List<String> rawInterests, String cadence, String hour,
                                                      String timezone, String weekday, Map<String, String> errors) {
        return check(rawInterests, cadence, hour, timezone, weekday, null, false, errors);
    }

    /**
     * The same, with the number of papers a mail shows (blank: 10; else 5 to 30, a message under {@code papers})
     * and whether trending papers come too; with them, no interest is required.
     */
    public static Optional<SubscriptionChoices> check(List<String> rawInterests, String cadence, String hour,
                                                      String timezone, String weekday, String papers, boolean trending,
                                                      Map<String, String> errors) {
        Map<String, String> found = new LinkedHashMap<>();
        List<String> interests = interests(rawInterests, trending, found);
        int checkedPapers = DEFAULT_PAPERS;
        if (papers != null && !papers.isBlank()) {
            try {
                checkedPapers = Integer.parseInt(papers.trim());
            } catch (NumberFormatException e) {
                checkedPapers = -1;
            }
            if (checkedPapers < MIN_PAPERS || checkedPapers > MAX_PAPERS) {
                found.put("papers", "Choose " + MIN_PAPERS + " to " + MAX_PAPERS + " papers per digest.");
            }
        }
        Cadence checkedCadence = null;
        if (cadence == null || cadence.isBlank()) {
            checkedCadence = Cadence.daily;
        } else {
            try {
                checkedCadence = Cadence.valueOf(cadence.trim().toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                found.put("cadence", "Choose daily or weekly.");
            }
        }
        int checkedHour = DEFAULT_HOUR;
        if (hour != null && !hour.isBlank()) {
            try {
                checkedHour = Integer.parseInt(hour.trim());
            } catch (NumberFormatException e) {
                checkedHour = -1;
            }
            if (checkedHour < 0 || checkedHour > 23) {
                found.put("hour", "Choose an hour from 0 to 23.");
            }
        }
        String zone = timezone == null || timezone.isBlank() ? DEFAULT_ZONE : timezone.trim();
        if (!ZONES.contains(zone) && !DEFAULT_ZONE.equals(zone)) {
            found.put("timezone", "Unknown time zone: choose one from the list (for example Europe/Paris).");
        }
        DayOfWeek day = weekday(weekday);
        if (day == null) {
            found.put("weekday", "Choose a day of the week, Monday to Sunday.");
        }
        errors.putAll(found);
        return found.isEmpty() ? Optional.of(new SubscriptionChoices(interests, checkedCadence, checkedHour, zone, day,
                checkedPapers, trending)) : Optional.empty();
    }

    /** The day named (monday, mon, 1 ... 7 from Monday; any case), Monday when blank, null when it names none. */
    static DayOfWeek weekday(String value) {
        if (value == null || value.isBlank()) {
            return DayOfWeek.MONDAY;
        }
        String day = value.strip().toUpperCase(Locale.ROOT);
        if (day.matches("[1-7]")) {
            return DayOfWeek.of(Integer.parseInt(day));
        }
        for (DayOfWeek candidate : DayOfWeek.values()) {
            if (candidate.name().equals(day) || (day.length() == 3 && candidate.name().startsWith(day))) {
                return candidate;
            }
        }
        return null;
    }

    private static List<String> interests(List<String> raw, boolean trending, Map<String, String> errors) {
        List<String> interests = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        List<String> lines = raw == null ? List.of() : raw;
        for (int i = 0; i < lines.size(); i++) {
            String interest = normalized(lines.get(i));
            if (interest.length() > MAX_INTEREST_LENGTH) {
                errors.put("interests", "Each interest can have at most " + MAX_INTEREST_LENGTH
                        + " characters; one has " + interest.length() + ".");
                return List.of();
            }
            if (!interest.isEmpty() && seen.add(interest.toLowerCase(Locale.ROOT))) {
                interests.add(interest);
                String refused = refusal(interest);
                if (refused != null) {
                    refusals.add(refusalOf(interest, refused));
                }
            }
        }
        String refused = refusals.isEmpty() ? null : String.join("\n", refusals);
        if (interests.isEmpty() && !trending) {
            errors.put("interests", "Add at least one interest, one per line.");
        } else if (refused != null) {
            errors.put("interests", refused);
        } else if (interests.size() > MAX_INTERESTS) {
            errors.put("interests", "At most " + MAX_INTERESTS + " interests, please; you gave " + interests.size() + ".");
        }
        return interests;
    }

    /** An interest as it is checked and stored: control characters out, spaces collapsed. */
    static String normalized(String line) {
        return line == null ? "" : CONTROL.matcher(line).replaceAll(" ").strip().replaceAll("\\s+", " ");
    }

    /** One refused interest's message; several are kept one per line, and the form numbers each by its line. */
    static String refusalOf(String interest, String why) {
        return "“" + interest + "”: " + why;
    }

    /** What is wrong with an interest the interest language refuses, or null when it accepts it. */
    private static String refusal(String interest) {
        // an import of 20,000 people who share a few hundred interests parsed each of them again and again: the
        // parser's code then became hot, and the JIT compiler was still compiling it well into the digest run
        // that followed (InterestParser.group, InterestLanguage.parse: 42 KB twice and 34 KB of C2 code)
        if (ACCEPTED.contains(interest)) {
            return null;
        }
        try {
            InterestLanguage.parse(interest);
        } catch (InterestRefused e) {
            return e.getMessage();
        }
        if (ACCEPTED.size() >= ACCEPTED_REMEMBERED) {
            ACCEPTED.clear();
        }
        ACCEPTED.add(interest);
        return null;
    }

    /** The textarea form of the interests. */
    public String interestText() {
        return String.join("\n", interests);
    }
}
