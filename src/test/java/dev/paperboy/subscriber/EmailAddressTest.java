package dev.paperboy.subscriber;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Only a plain single address, safe to put into a To header as it is, passes EmailAddress.check. */
class EmailAddressTest {

    @Test
    void plainAddressesPassTrimmed() {
        assertEquals(Optional.of("ada@example.org"), EmailAddress.check("ada@example.org"));
        assertEquals(Optional.of("ada@example.org"), EmailAddress.check("  ada@example.org \t"));
        assertEquals(Optional.of("first.last+digest@mail.example.co.uk"),
                EmailAddress.check("first.last+digest@mail.example.co.uk"));
        assertEquals(Optional.of("Ada.Lovelace@Example.ORG"), EmailAddress.check("Ada.Lovelace@Example.ORG"));
        assertEquals(Optional.of("x_y-z@sub-domain.example.org"), EmailAddress.check("x_y-z@sub-domain.example.org"));
        assertEquals(Optional.of("x@example.org"), EmailAddress.check("x@example.org\r\n"), "a trailing line break is trimmed off");
    }

    @Test
    void somethingThatIsNotAnAddressIsRefused() {
        for (String bad : new String[]{null, "", "   ", "not-an-address", "a@b", "two@@example.org", "@example.org",
                "ada@", "ada@.example.org", "ada@example..org", "ada@-example.org", "ada@example-.org",
                "ada@example.org.", "ada@exa_mple.org", "ada@example", "ada lovelace@example.org",
                "ada@exam ple.org"}) {
            assertEquals(Optional.empty(), EmailAddress.check(bad), String.valueOf(bad));
        }
    }

    /** What an attacker types to add recipients or headers must never reach a header. */
    @Test
    void headerInjectionAndAddressListsAreRefused() {
        for (String bad : new String[]{"x@example.org\r\nBcc: y@example.org", "x@example.org\nBcc: y@example.org",
                "x@example.org\rBcc: y@example.org", "x@example.org%0d%0aBcc:y@example.org",
                "x@example.org, y@example.org", "x@example.org;y@example.org", "Ada <ada@example.org>",
                "<ada@example.org>", "ada@example.org>", "x@example.org\u0000", "undisclosed:x@example.org;",
                "\"x@example.org\r\nBcc: y\"@example.org", "x@example.org\u2028Bcc: y@example.org"}) {
            assertEquals(Optional.empty(), EmailAddress.check(bad), bad);
        }
    }

    /** "ada"@, "\\ada"@ and ada@ are one mailbox (RFC 5321 4.1.2): only the plain spelling passes, so it has one key. */
    @Test
    void quotedAndEscapedLocalPartsAreRefused() {
        for (String spelled : new String[]{"\"ada\"@example.org", "\"\\ada\"@example.org", "a\\da@example.org",
                "\"a.da\"@example.org", "\"ada lovelace\"@example.org", "(note)ada@example.org"}) {
            assertEquals(Optional.empty(), EmailAddress.check(spelled), spelled);
        }
        assertEquals(EmailAddress.QUOTED, EmailAddress.refusal("\"ada\"@example.org"));
        assertEquals(EmailAddress.QUOTED, EmailAddress.refusal("a\\da@example.org"));
        assertEquals(EmailAddress.INVALID, EmailAddress.refusal("ada@"));
        assertEquals(EmailAddress.INVALID, EmailAddress.refusal("\"><script>alert(1)</script>@example.org"));
    }

    /** A composed and a decomposed "é" are one address, stored (and keyed) composed. */
    @Test
    void unicodeLocalPartsAreComposed() {
        String composed = "ren\u00e9@example.org";
        String decomposed = "rene\u0301@example.org";
        assertEquals(Optional.of(composed), EmailAddress.check(composed));
        assertEquals(Optional.of(composed), EmailAddress.check(decomposed));
        assertEquals(Optional.empty(), EmailAddress.check("ren\u00e9\u00a0x@example.org"), "no-break space");
        assertEquals(Optional.empty(), EmailAddress.check("ren\u200be@example.org"), "zero-width space");
    }

    @Test
    void lengthLimitsHold() {
        String local64 = "l".repeat(64);
        assertEquals(Optional.of(local64 + "@example.org"), EmailAddress.check(local64 + "@example.org"));
        assertEquals(Optional.empty(), EmailAddress.check("l".repeat(65) + "@example.org"), "local part over 64");

        String atLimit = local64 + "@" + domainOfLength(EmailAddress.MAX_LENGTH - 65);
        assertEquals(EmailAddress.MAX_LENGTH, atLimit.length());
        assertEquals(Optional.of(atLimit), EmailAddress.check(atLimit));
        String overLimit = local64 + "@" + domainOfLength(EmailAddress.MAX_LENGTH - 64);
        assertEquals(Optional.empty(), EmailAddress.check(overLimit), "255 characters");
        assertEquals(Optional.empty(), EmailAddress.check("a".repeat(60) + "@" + domainOfLength(239)), "300 characters");
    }

    /** A domain of exactly {@code length} characters: labels of letters joined by dots, ending in ".org". */
    private static String domainOfLength(int length) {
        StringBuilder domain = new StringBuilder();
        while (domain.length() < length - 4) {
            int room = length - 4 - domain.length();
            if (domain.length() > 0) {
                domain.append('.');
                room--;
            }
            domain.append("d".repeat(Math.max(1, Math.min(40, room))));
        }
        domain.append(".org");
        return domain.toString();
    }
}
