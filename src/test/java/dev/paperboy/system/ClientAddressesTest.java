package dev.paperboy.system;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Whose address a request counts as: X-Forwarded-For is believed only as far as trusted proxies wrote it. */
class ClientAddressesTest {

    private static final ClientAddresses NONE = new ClientAddresses(List.of());
    private static final ClientAddresses PROXIES = new ClientAddresses(List.of("10.0.0.0/8", " 192.0.2.10 ", "fd00::/8"));

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertEquals("198.51.100.7", NONE.resolve("198.51.100.7", List.of("203.0.113.1")));
        assertEquals("2001:db8::1", NONE.resolve("2001:0db8:0::1", List.of()));
    }

    @Test
    void aPeerThatIsNotTrustedIsTheClientWhateverItClaims() {
        assertEquals("198.51.100.7", PROXIES.resolve("198.51.100.7", List.of("203.0.113.1")));
    }

    @Test
    void behindTrustedProxiesTheClientIsTheLastAddressTheyWereHanded() {
        assertEquals("203.0.113.1", PROXIES.resolve("10.1.2.3", List.of("203.0.113.1")));
        // the client wrote "1.1.1.1" itself; the proxy appended the address it really came from
        assertEquals("203.0.113.1", PROXIES.resolve("10.1.2.3", List.of("1.1.1.1, 203.0.113.1")));
        // two proxies: an outer one (192.0.2.10) handed the request to an inner one (10.1.2.3)
        assertEquals("203.0.113.1", PROXIES.resolve("10.1.2.3", List.of("1.1.1.1, 203.0.113.1", "192.0.2.10")));
        assertEquals("2001:db8::5", PROXIES.resolve("fd12::1", List.of("[2001:db8::5]:4711")));
        assertEquals("203.0.113.1", PROXIES.resolve("10.1.2.3", List.of("203.0.113.1:5555")));
    }

    @Test
    void aTrustedPeerWithoutHeaderOrWithOnlyProxiesInItIsTheClient() {
        assertEquals("10.1.2.3", PROXIES.resolve("10.1.2.3", List.of()));
        assertEquals("10.9.9.9", PROXIES.resolve("10.1.2.3", List.of("10.9.9.9")));
        assertEquals("10.1.2.3", PROXIES.resolve("::ffff:10.1.2.3", List.of()), "an IPv4-mapped peer is IPv4");
    }

    @Test
    void whatAProxyWroteThatIsNoAddressIsKeptAsTextCutShort() {
        assertEquals("unknown", PROXIES.resolve("10.1.2.3", List.of("unknown")));
        assertEquals(64, PROXIES.resolve("10.1.2.3", List.of("x".repeat(500))).length());
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64() {
        assertEquals("2001:db8:1:2::/64", ClientAddresses.networkKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd"));
        assertEquals(ClientAddresses.networkKey("2001:db8:1:2::1"), ClientAddresses.networkKey("2001:db8:1:2::ffff"));
        assertEquals("203.0.113.9", ClientAddresses.networkKey("203.0.113.9"));
    }

    @Test
    void aTrustedProxyThatIsNoAddressOrRangeStopsTheStart() {
        assertThrows(IllegalArgumentException.class, () -> new ClientAddresses(List.of("proxy.example.org")));
        assertThrows(IllegalArgumentException.class, () -> new ClientAddresses(List.of("10.0.0.0/33")));
        assertThrows(IllegalArgumentException.class, () -> new ClientAddresses(List.of("10.0.0.0/x")));
    }
}
