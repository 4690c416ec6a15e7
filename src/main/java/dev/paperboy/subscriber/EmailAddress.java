package dev.paperboy.subscriber;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a typed email address strictly enough that it can go into a mail header as it is, and that one mailbox
 * has one spelling: no quoted or escaped local parts, Unicode in its composed form.
 */
public final class EmailAddress {

    public static final int MAX_LENGTH = 254;
    /** The form's message for something that is not an address. */
    public static final String INVALID = "Enter a valid email address, like ada@example.org.";
    /** The form's message for a quoted or escaped local part, which would spell an address already known another way. */
    public static final String QUOTED = "Write the address without quotes or backslashes, like ada@example.org.";

    // RFC 5322 dot-atom (RFC 6532 adds non-ASCII characters); quoted strings and backslashes are left out on purpose:
    // "ada"@example.org and ada@example.org are one mailbox (RFC 5321 4.1.2), and would be two subscriptions
    private static final String ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]|[^\\x00-\\x7F\\p{C}\\p{Z}]";
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?";
    private static final Pattern SHAPE = Pattern.compile(
            "(?=[^@]{1,64}@)(?:" + ATEXT + ")+(?:\\.(?:" + ATEXT + ")+)*@" + LABEL + "(?:\\." + LABEL + ")+");

    private EmailAddress() {
    }

    /** The trimmed address in Unicode's composed form, or empty when it is not a plain, deliverable-looking address. */
    public static Optional<String> check(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String address = Normalizer.normalize(raw.strip(), Normalizer.Form.NFC);
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

    /** Why {@link #check} refused {@code raw}: an address that is only quoted or escaped has its own message. */
    public static String refusal(String raw) {
        boolean quoted = raw != null && (raw.indexOf('"') >= 0 || raw.indexOf('\\') >= 0);
        return quoted && check(raw.replace("\"", "").replace("\\", "")).isPresent() ? QUOTED : INVALID;
    }
}
