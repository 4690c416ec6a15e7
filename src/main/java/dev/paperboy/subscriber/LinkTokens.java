package dev.paperboy.subscriber;

import dev.paperboy.system.Secrets;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Opaque link tokens: {@code subject.mac}, the MAC an HMAC-SHA256 (128 bits kept) of purpose and subject under a
 * key that lives outside the database, so a copy of the database alone forges no working link.
 */
@ApplicationScoped
public class LinkTokens {

    /**
     * What a token lets its holder do; a token for one purpose opens nothing else. A digest has two: the mail's
     * "view in browser" ({@code DIGEST}) and the feed's copy ({@code FEED_ENTRY}), which shows no address and no link
     * that changes the subscription, since a feed URL is handed to reader services. {@code FEEDBACK} names a
     * subscriber, a paper and "more" or "less" like it.
     */
    public enum Purpose { CONFIRM, PREFERENCES, UNSUBSCRIBE, DIGEST, FEED, FEED_ENTRY, FEEDBACK }

    private static final int MAC_BYTES = 16;
    private static final int MAX_TOKEN_LENGTH = 200;

    // one initialised MAC per thread, reused (doFinal resets it): looking one up and keying it for each link was
    // four fifths of what a token cost, and a digest mail carries two dozen links
    private final ThreadLocal<Mac> macs;

    LinkTokens(Secrets secrets) {
        SecretKeySpec key = new SecretKeySpec(secrets.linkKey(), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
            }
        });
    }

    public String issue(Purpose purpose, String subject) {
        return subject + "." + encode(mac(purpose, subject));
    }

    /** The subject of a well-formed token of this purpose, or empty for anything forged, altered or foreign. */
    public Optional<String> open(Purpose purpose, String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        int dot = token.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String subject = token.substring(0, dot);
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        byte[] expected = encode(mac(purpose, subject)).getBytes(StandardCharsets.US_ASCII);
        // compares the text, so no second spelling of the same MAC (padding, unused bits) opens the link
        return MessageDigest.isEqual(given, expected) ? Optional.of(subject) : Optional.empty();
    }

    private static String encode(byte[] mac) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }

    private byte[] mac(Purpose purpose, String subject) {
        byte[] full = macs.get().doFinal((purpose.name() + ":" + subject).getBytes(StandardCharsets.UTF_8));
        return Arrays.copyOf(full, MAC_BYTES);
    }
}
