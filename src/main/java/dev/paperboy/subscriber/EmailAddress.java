package dev.paperboy.subscriber;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.util.Optional;
import java.util.regex.Pattern;

/** Checks a typed email address strictly enough that it can go into a mail header as it is. */
public final class EmailAddress {

    public static final int MAX_LENGTH = 254;
    private static final Pattern SHAPE = Pattern.compile("[^@\\s]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");

    private EmailAddress() {
    }

    /** The trimmed address, or empty when it is not a plain, deliverable-looking address. */
    public static Optional<String> check(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String address = raw.strip();
        if (address.isEmpty() || address.length() > MAX_LENGTH || !SHAPE.matcher(address).matches()) {
            return Optional.empty();
        }
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            return address.equals(parsed.getAddress()) ? Optional.of(address) : Optional.empty();
        } catch (AddressException e) {
            return Optional.empty();
        }
    }
}
