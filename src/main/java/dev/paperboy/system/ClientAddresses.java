package dev.paperboy.system;

import io.netty.util.NetUtil;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The address of the client behind a request: the peer, unless the peer is one of PAPERBOY_TRUSTED_PROXIES; then
 * X-Forwarded-For read from the right, past the trusted proxies' own hops, to the first address they were handed.
 * (The left of that header is whatever the client wrote, so it is never believed on its own.)
 */
@ApplicationScoped
public class ClientAddresses {

    private static final int MAX_KEY = 64;

    private final List<Range> trusted;

    @Inject
    ClientAddresses(PaperboyConfig config) {
        this(config.trustedProxies().orElse(List.of()));
    }

    ClientAddresses(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty()).map(Range::parse).toList();
    }

    /** The client's address, as text. */
    public String of(HttpServerRequest request) {
        return resolve(request.connection().remoteAddress().hostAddress(), request.headers().getAll("X-Forwarded-For"));
    }

    /**
     * The key a client is counted under for rate limits: its IPv4 address, or the /64 network of an IPv6 one (a
     * single host usually holds a whole /64, so counting addresses alone would let it rotate through them).
     */
    public String rateKey(HttpServerRequest request) {
        return networkKey(of(request));
    }

    static String networkKey(String client) {
        byte[] bytes = bytes(client);
        if (bytes == null || bytes.length == 4) {
            return client;
        }
        return NetUtil.bytesToIpAddress(Arrays.copyOf(Arrays.copyOf(bytes, 8), 16)) + "/64";
    }

    String resolve(String peer, List<String> forwardedFor) {
        if (!isTrusted(peer)) {
            return normalized(peer);
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = withoutPort(hops.get(i));
            if (!isTrusted(hop)) {
                return normalized(hop);
            }
        }
        return hops.isEmpty() ? normalized(peer) : normalized(withoutPort(hops.get(0)));
    }

    private boolean isTrusted(String address) {
        byte[] bytes = bytes(address);
        return bytes != null && trusted.stream().anyMatch(range -> range.contains(bytes));
    }

    /** One spelling per address; anything that is no address (a proxy's "unknown") is kept as text, cut short. */
    private static String normalized(String address) {
        byte[] bytes = bytes(address);
        if (bytes != null) {
            return NetUtil.bytesToIpAddress(bytes);
        }
        return address.length() > MAX_KEY ? address.substring(0, MAX_KEY) : address;
    }

    /** "192.0.2.1:4711" and "[2001:db8::1]:4711", as some proxies write them, without the port. */
    private static String withoutPort(String hop) {
        if (hop.startsWith("[") && hop.contains("]")) {
            return hop.substring(1, hop.indexOf(']'));
        }
        int colon = hop.indexOf(':');
        return colon > 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
    }

    /** An address or a CIDR range of PAPERBOY_TRUSTED_PROXIES. */
    record Range(byte[] network, int prefix) {

        static Range parse(String text) {
            String[] parts = text.split("/", 2);
            byte[] network = bytes(parts[0]);
            if (network == null) {
                throw new IllegalArgumentException("PAPERBOY_TRUSTED_PROXIES: not an IP address or CIDR range: " + text);
            }
            int prefix = network.length * 8;
            if (parts.length == 2) {
                prefix = parsePrefix(parts[1], network.length * 8, text);
            }
            return new Range(network, prefix);
        }

        private static int parsePrefix(String text, int max, String whole) {
            try {
                int prefix = Integer.parseInt(text);
                if (prefix >= 0 && prefix <= max) {
                    return prefix;
                }
            } catch (NumberFormatException ignored) {
                // falls through to the message below
            }
            throw new IllegalArgumentException("PAPERBOY_TRUSTED_PROXIES: bad prefix length in " + whole);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The bytes of an address literal (never a name: no lookup), an IPv4-mapped IPv6 one as IPv4; null otherwise. */
    static byte[] bytes(String text) {
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(text);
        if (bytes != null && bytes.length == 16 && isV4Mapped(bytes)) {
            return Arrays.copyOfRange(bytes, 12, 16);
        }
        return bytes;
    }

    private static boolean isV4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }
}
