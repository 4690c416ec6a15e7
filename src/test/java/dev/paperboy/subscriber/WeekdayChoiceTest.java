package dev.paperboy.subscriber;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The weekday of a weekly digest, as the form, the preferences page and the import give it. */
class WeekdayChoiceTest {

    @Test
    void aDayIsNamedByItsNameItsShortNameOrItsIsoNumber() {
        assertEquals(DayOfWeek.MONDAY, SubscriptionChoices.weekday(null));
        assertEquals(DayOfWeek.MONDAY, SubscriptionChoices.weekday(" "));
        assertEquals(DayOfWeek.THURSDAY, SubscriptionChoices.weekday("thursday"));
        assertEquals(DayOfWeek.THURSDAY, SubscriptionChoices.weekday("Thu"));
        assertEquals(DayOfWeek.SUNDAY, SubscriptionChoices.weekday("7"));
        assertNull(SubscriptionChoices.weekday("0"));
        assertNull(SubscriptionChoices.weekday("8"));
        assertNull(SubscriptionChoices.weekday("th"));
        assertNull(SubscriptionChoices.weekday("someday"));
    }

    @Test
    void aWrongDayIsRefusedWithItsOwnMessage() {
        Map<String, String> errors = new HashMap<>();
        assertTrue(SubscriptionChoices.check(List.of("tides"), "weekly", "8", "UTC", "funday", errors).isEmpty());
        assertEquals(Map.of("weekday", "Choose a day of the week, Monday to Sunday."), errors);
        assertEquals(DayOfWeek.FRIDAY, SubscriptionChoices.check(List.of("tides"), "weekly", "8", "UTC", "friday",
                new HashMap<>()).orElseThrow().weekday());
    }
}
