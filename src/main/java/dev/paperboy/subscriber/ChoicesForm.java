package dev.paperboy.subscriber;

import dev.paperboy.subscriber.interest.InterestLanguage;
import dev.paperboy.subscriber.interest.InterestRefused;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The values of the sign-up or preferences form as typed, with a message per field that needs fixing. */
public record ChoicesForm(String email, String interests, String cadence, String hour, String timezone,
                          boolean paused, Map<String, String> errors, String weekday, String papers,
                          boolean trending) {

    /** The zones the form lists: one per region of each country (the tz database's zone.tab), ~420 rather than ~600. */
    private static final List<String> ZONES = listedZones();

    static ChoicesForm empty() {
        return new ChoicesForm("", "", "daily", Integer.toString(SubscriptionChoices.DEFAULT_HOUR),
                SubscriptionChoices.DEFAULT_ZONE, false, Map.of(), "monday",
                Integer.toString(SubscriptionChoices.DEFAULT_PAPERS), false);
    }

    static ChoicesForm of(Subscriber subscriber) {
        return new ChoicesForm(subscriber.email, String.join("\n", subscriber.interests), subscriber.cadence.name(),
                Integer.toString(subscriber.hour), subscriber.timezone,
                subscriber.state == Subscriber.State.paused, Map.of(),
                subscriber.weekday().name().toLowerCase(java.util.Locale.ROOT), Integer.toString(subscriber.papers),
                subscriber.trending);
    }

    /** The days a weekly digest can go out on, as the form lists them: value and label. */
    public List<List<String>> weekdays() {
        return java.util.Arrays.stream(java.time.DayOfWeek.values())
                .map(d -> List.of(d.name().toLowerCase(java.util.Locale.ROOT),
                        d.getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH)))
                .toList();
    }

    public boolean weekdayIs(String day) {
        java.time.DayOfWeek chosen = SubscriptionChoices.weekday(weekday);
        return chosen != null && chosen.name().equalsIgnoreCase(day);
    }

    public String error(String field) {
        return errors.get(field);
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /**
     * The messages about the interests: one per refused interest, each with its line (0 when the field has one line)
     * and where that interest goes wrong; or the one message about the list.
     */
    public List<InterestError> interestErrors() {
        String error = errors.get("interests");
        if (error == null) {
            return List.of();
        }
        List<String> lines = SubscriptionChoices.lines(interests);
        List<InterestError> shown = new java.util.ArrayList<>();
        for (String message : error.split("\n")) {
            shown.add(about(message, lines));
        }
        return shown;
    }

    /** A message with the line of the interest it is about, and where that interest goes wrong. */
    private static InterestError about(String message, List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String interest = SubscriptionChoices.normalized(lines.get(i));
            if (interest.isEmpty() || !message.startsWith(SubscriptionChoices.refusalOf(interest, ""))) {
                continue; // the message is about another interest, or about the list
            }
            int line = lines.size() > 1 ? i + 1 : 0;
            try {
                InterestLanguage.parse(interest);
            } catch (InterestRefused e) {
                return new InterestError(line, message, RefusedAt.of(interest, e.position()));
            }
            return new InterestError(line, message, null);
        }
        return new InterestError(0, message, null);
    }

    /** One message under the interests field: the line it is about (or 0), and where the problem is (or null). */
    public record InterestError(int line, String message, RefusedAt at) {
    }

    /** A refused interest cut around what goes wrong, which starts at {@code position} (1-based). */
    public record RefusedAt(String before, String at, String after, int position) {

        /** {@code interest} cut at {@code at} (1-based): a quote or parenthesis alone, else the word there; null for 0. */
        static RefusedAt of(String interest, int at) {
            if (at < 1) {
                return null; // the interest as a whole
            }
            if (at > interest.length()) {
                return new RefusedAt(interest, " ", "", at);
            }
            int end = at;
            if ("\"()".indexOf(interest.charAt(at - 1)) < 0) {
                while (end < interest.length() && !Character.isWhitespace(interest.charAt(end))
                        && "\"()".indexOf(interest.charAt(end)) < 0) {
                    end++;
                }
            }
            return new RefusedAt(interest.substring(0, at - 1), interest.substring(at - 1, end), interest.substring(end), at);
        }
    }

    public boolean weekly() {
        return "weekly".equals(cadence);
    }

    public List<Integer> hours() {
        return java.util.stream.IntStream.range(0, 24).boxed().toList();
    }

    /** The numbers of papers a mail may show: 5 to 30. */
    public List<Integer> paperCounts() {
        return java.util.stream.IntStream.rangeClosed(SubscriptionChoices.MIN_PAPERS, SubscriptionChoices.MAX_PAPERS)
                .boxed().toList();
    }

    public boolean papersIs(Integer n) {
        return Integer.toString(n).equals(papers == null ? "" : papers.trim());
    }

    public boolean hourIs(Integer h) {
        return Integer.toString(h).equals(hour == null ? "" : hour.trim());
    }

    public List<String> zones() {
        return ZONES;
    }

    /** The typed zone, when it is not one of the list (so the form still shows what was typed). */
    public boolean zoneListed() {
        return "UTC".equals(timezone) || ZONES.contains(timezone);
    }

    private static List<String> listedZones() {
        try (InputStream in = ChoicesForm.class.getResourceAsStream("/zones.txt")) {
            Set<String> known = ZoneId.getAvailableZoneIds();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("#") && known.contains(line)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int maxInterests() {
        return SubscriptionChoices.MAX_INTERESTS;
    }

    public int maxInterestLength() {
        return SubscriptionChoices.MAX_INTEREST_LENGTH;
    }
}
