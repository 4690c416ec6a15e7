package dev.paperboy.mail.bounce;

import dev.paperboy.system.PaperboyConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bounce mailbox's settings: read only with a host, the protocol's own port by default, a wrong protocol refused. */
class BounceSettingsTest {

    private static PaperboyConfig.Bounce bounce(String protocol, String host, Integer port) {
        return new PaperboyConfig.Bounce() {
            public String protocol() {
                return protocol;
            }

            public Optional<String> host() {
                return Optional.ofNullable(host);
            }

            public OptionalInt port() {
                return port == null ? OptionalInt.empty() : OptionalInt.of(port);
            }

            public Optional<String> username() {
                return Optional.of("bounces");
            }

            public Optional<String> password() {
                return Optional.of("secret");
            }

            public String every() {
                return "10m";
            }

            public int softLimit() {
                return 3;
            }

            public Duration softWithin() {
                return Duration.ofDays(30);
            }
        };
    }

    @Test
    void withoutAHostNoMailboxIsRead() {
        assertEquals(Optional.empty(), BounceMailbox.settings(bounce("imaps", null, null)));
    }

    @Test
    void eachProtocolHasItsOwnPortUnlessOneIsGiven() {
        assertEquals(993, BounceMailbox.settings(bounce("imaps", "mail.example.org", null)).orElseThrow().port());
        assertEquals(143, BounceMailbox.settings(bounce("IMAP", "mail.example.org", null)).orElseThrow().port());
        assertEquals(110, BounceMailbox.settings(bounce("pop3", "mail.example.org", null)).orElseThrow().port());
        assertEquals(995, BounceMailbox.settings(bounce("pop3s", "mail.example.org", null)).orElseThrow().port());
        assertEquals(1143, BounceMailbox.settings(bounce("imap", "mail.example.org", 1143)).orElseThrow().port());
    }

    @Test
    void anotherProtocolIsRefusedWithTheChoices() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> BounceMailbox.settings(bounce("smtp", "mail.example.org", null)));
        assertTrue(refused.getMessage().contains("imap, imaps, pop3, pop3s"), refused.getMessage());
    }
}
