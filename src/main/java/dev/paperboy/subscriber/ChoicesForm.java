package dev.paperboy.subscriber;

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
                          boolean paused, Map<String, String> errors, String weekday) {

    /** The zones the form lists: one per region of each country (the tz database's zone.tab), ~420 rather than ~600. */
    private static final List<String> ZONES = listedZones();

    static ChoicesForm empty() {
        return new ChoicesForm("", "", "daily", Integer.toString(SubscriptionChoices.DEFAULT_HOUR),
                SubscriptionChoices.DEFAULT_ZONE, false, Map.of(), "monday");
    }

    static ChoicesForm of(Subscriber subscriber) {
        return new ChoicesForm(subscriber.email, String.join("\n", subscriber.interests), subscriber.cadence.name(),
                Integer.toString(subscriber.hour), subscriber.timezone,
                subscriber.state == Subscriber.State.paused, Map.of(),
                subscriber.weekday().name().toLowerCase(java.util.Locale.ROOT));
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

    public boolean weekly() {
        return "weekly".equals(cadence);
    }

    public List<Integer> hours() {
        return java.util.stream.IntStream.range(0, 24).boxed().toList();
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
