package dev.paperboy.subscriber;

import dev.paperboy.subscriber.LinkTokens.Purpose;
import dev.paperboy.system.FixedSecrets;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Link tokens open only for their own purpose, subject and key, and refuse every altered or malformed string. */
class LinkTokensTest {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private final LinkTokens tokens = new LinkTokens(FixedSecrets.withLinkKey(key("first key")));
    private final String subject = "q2Yl0mD7kYc3QXb1lRk9tw";

    @Test
    void aTokenOpensToItsSubjectForItsPurpose() {
        for (Purpose purpose : Purpose.values()) {
            String token = tokens.issue(purpose, subject);
            assertEquals(Optional.of(subject), tokens.open(purpose, token), purpose.name());
        }
    }

    @Test
    void theMacCarriesAtLeast128Bits() {
        String token = tokens.issue(Purpose.UNSUBSCRIBE, subject);
        String mac = token.substring(token.lastIndexOf('.') + 1);
        assertTrue(Base64.getUrlDecoder().decode(mac).length >= 16, token);
        assertEquals(subject, token.substring(0, token.lastIndexOf('.')));
    }

    @Test
    void aTokenOfOnePurposeOpensNoOther() {
        for (Purpose issued : Purpose.values()) {
            String token = tokens.issue(issued, subject);
            for (Purpose tried : Purpose.values()) {
                if (tried != issued) {
                    assertEquals(Optional.empty(), tokens.open(tried, token), issued + " token used for " + tried);
                }
            }
        }
    }

    @Test
    void aMacMovedOntoAnotherSubjectOpensNothing() {
        String mine = tokens.issue(Purpose.PREFERENCES, subject);
        String theirs = tokens.issue(Purpose.PREFERENCES, "someoneElse0000000000A");
        String spliced = "someoneElse0000000000A" + mine.substring(mine.lastIndexOf('.'));
        assertNotEquals(theirs, spliced);
        assertEquals(Optional.empty(), tokens.open(Purpose.PREFERENCES, spliced));
    }

    @Test
    void everyChangeOfOneSubjectCharacterIsRefused() {
        String token = tokens.issue(Purpose.CONFIRM, subject);
        for (int i = 0; i < subject.length(); i++) {
            String altered = replaceAt(token, i, subject.charAt(i) == 'x' ? 'y' : 'x');
            assertEquals(Optional.empty(), tokens.open(Purpose.CONFIRM, altered), altered);
        }
    }

    /** Every other character at every position of the MAC that changes the MAC's bits: none may still open the link. */
    @Test
    void everyChangeOfOneMacCharacterIsRefused() {
        String token = tokens.issue(Purpose.UNSUBSCRIBE, subject);
        int macStart = token.lastIndexOf('.') + 1;
        byte[] genuine = Base64.getUrlDecoder().decode(token.substring(macStart));
        int tried = 0;
        for (int i = macStart; i < token.length(); i++) {
            for (char c : ALPHABET.toCharArray()) {
                String altered = replaceAt(token, i, c);
                if (c != token.charAt(i) && !Arrays.equals(genuine, Base64.getUrlDecoder().decode(altered.substring(macStart)))) {
                    tried++;
                    assertEquals(Optional.empty(), tokens.open(Purpose.UNSUBSCRIBE, altered), "altered at " + i + ": " + altered);
                }
            }
        }
        assertTrue(tried >= 21 * 63, "tried " + tried);
    }

    /**
     * The 22nd character of a 16-byte MAC carries 4 unused bits, and the decoder ignores them (and accepts "=="
     * padding): several strings open as one token, though {@link LinkTokens#open} promises to refuse altered ones.
     */
    @Test
    void nonCanonicalSpellingsOfTheMacAreRefused() {
        String token = tokens.issue(Purpose.UNSUBSCRIBE, subject);
        assertEquals(Optional.empty(), tokens.open(Purpose.UNSUBSCRIBE, token + "=="));
        for (char c : ALPHABET.toCharArray()) {
            if (c != token.charAt(token.length() - 1)) {
                String altered = replaceAt(token, token.length() - 1, c);
                assertEquals(Optional.empty(), tokens.open(Purpose.UNSUBSCRIBE, altered), altered);
            }
        }
    }

    @Test
    void anotherKeyOpensNothingAndSignsDifferently() {
        LinkTokens otherInstall = new LinkTokens(FixedSecrets.withLinkKey(key("second key")));
        String token = tokens.issue(Purpose.UNSUBSCRIBE, subject);
        assertEquals(Optional.empty(), otherInstall.open(Purpose.UNSUBSCRIBE, token));
        assertNotEquals(token, otherInstall.issue(Purpose.UNSUBSCRIBE, subject));
        LinkTokens sameKey = new LinkTokens(FixedSecrets.withLinkKey(key("first key")));
        assertEquals(Optional.of(subject), sameKey.open(Purpose.UNSUBSCRIBE, token), "the key, not the instance, decides");
    }

    @Test
    void malformedTokensOpenNothing() {
        String mac = tokens.issue(Purpose.CONFIRM, subject).substring(subject.length() + 1);
        for (String bad : new String[]{null, "", ".", "..", "garbage", subject, subject + ".", "." + mac,
                subject + ".!!!!", subject + "." + mac + "=", subject + "." + mac + ".", subject + "." + mac + "AA",
                subject + "." + mac.substring(0, mac.length() - 2), subject + " ." + mac, " " + subject + "." + mac,
                subject + "." + mac + "\n", "<script>alert(1)</script>." + mac}) {
            assertEquals(Optional.empty(), tokens.open(Purpose.CONFIRM, bad), String.valueOf(bad));
        }
    }

    @Test
    void overlongTokensOpenNothingEvenWhenSignedCorrectly() {
        String longSubject = "a".repeat(5_000);
        assertEquals(Optional.empty(), tokens.open(Purpose.CONFIRM, tokens.issue(Purpose.CONFIRM, longSubject)));
        assertEquals(Optional.empty(), tokens.open(Purpose.CONFIRM, "x".repeat(5_000)));
    }

    @Test
    void aSubjectMayItselfContainDots() {
        String dotted = "a.b.c";
        assertEquals(Optional.of(dotted), tokens.open(Purpose.DIGEST, tokens.issue(Purpose.DIGEST, dotted)));
        assertEquals(Optional.empty(), tokens.open(Purpose.DIGEST, "a.b" + tokens.issue(Purpose.DIGEST, dotted).substring(5)));
    }

    private static String replaceAt(String text, int index, char c) {
        return text.substring(0, index) + c + text.substring(index + 1);
    }

    private static byte[] key(String seed) {
        byte[] key = new byte[32];
        byte[] bytes = seed.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (bytes[i % bytes.length] * 31 + i);
        }
        return key;
    }
}
