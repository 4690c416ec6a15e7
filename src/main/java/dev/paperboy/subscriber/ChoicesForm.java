package dev.paperboy.subscriber;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** The values of the sign-up or preferences form as typed, with a message per field that needs fixing. */
public record ChoicesForm(String email, String interests, String cadence, String hour, String timezone,
                          boolean paused, Map<String, String> errors) {

    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/")).sorted().toList();

    static ChoicesForm empty() {
        return new ChoicesForm("", "", "daily", Integer.toString(SubscriptionChoices.DEFAULT_HOUR),
                SubscriptionChoices.DEFAULT_ZONE, false, Map.of());
    }

    static ChoicesForm of(Subscriber subscriber) {
        return new ChoicesForm(subscriber.email, String.join("\n", subscriber.interests), subscriber.cadence.name(),
                Integer.toString(subscriber.hour), subscriber.timezone,
                subscriber.state == Subscriber.State.paused, Map.of());
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

    public int maxInterests() {
        return SubscriptionChoices.MAX_INTERESTS;
    }

    public int maxInterestLength() {
        return SubscriptionChoices.MAX_INTEREST_LENGTH;
    }
}
