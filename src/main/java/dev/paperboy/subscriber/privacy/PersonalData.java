package dev.paperboy.subscriber.privacy;

/**
 * What one part of Paperboy keeps about a subscriber, for their "download my data". Every part that stores rows
 * about a subscriber provides one (a bean), so the export holds everything; deletion needs no hook: such rows refer
 * to the subscriber "on delete cascade".
 */
public interface PersonalData {

    /** The key of this part in the export, such as "digests". */
    String name();

    /** What this part holds about the subscriber, as plain values, lists and maps that serialize to JSON. */
    Object export(long subscriberId);
}
