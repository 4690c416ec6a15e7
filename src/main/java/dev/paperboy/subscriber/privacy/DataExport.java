package dev.paperboy.subscriber.privacy;

import dev.paperboy.subscriber.Subscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything Paperboy keeps about one subscriber: the subscription itself, then each part's {@link PersonalData}. */
@ApplicationScoped
class DataExport {

    private final List<PersonalData> parts;

    DataExport(Instance<PersonalData> parts) {
        this.parts = parts.stream().sorted(Comparator.comparing(PersonalData::name)).toList();
    }

    @Transactional
    Map<String, Object> of(Subscriber subscriber) {
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("exportedAt", Instant.now());
        export.put("subscription", subscription(subscriber));
        for (PersonalData part : parts) {
            export.put(part.name(), part.export(subscriber.id));
        }
        return export;
    }

    /** Every column of the subscriber's row but the key of their links, which is a secret rather than data about them. */
    private static Map<String, Object> subscription(Subscriber s) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("email", s.email);
        row.put("state", s.state.name());
        row.put("interests", s.interestList());
        row.put("cadence", s.cadence.name());
        row.put("hour", s.hour);
        row.put("timezone", s.timezone);
        row.put("weekday", s.weekday().name().toLowerCase(java.util.Locale.ROOT));
        row.put("signedUpAt", s.createdAt);
        row.put("confirmationRequestedAt", s.confirmRequestedAt);
        row.put("confirmedAt", s.confirmedAt);
        row.put("unsubscribedAt", s.unsubscribedAt);
        row.put("bouncedAt", s.bouncedAt);
        row.put("bounceReason", s.bounceReason);
        row.put("signupClientAddress", s.signupIp);
        row.put("signupMailsThisHour", s.signupMails);
        row.put("signupMailsHourStartedAt", s.signupMailsSince);
        return row;
    }
}
