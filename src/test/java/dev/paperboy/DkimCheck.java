package dev.paperboy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A DKIM verifier for tests (RFC 6376: rsa-sha256, simple or relaxed canonicalization), written from the RFC apart
 * from the signing library, and a key pair written the way an operator makes one ({@code openssl genpkey}).
 */
public final class DkimCheck {

    /** The DKIM domain, selector and Feedback-ID every test app signs with (see {@link #testSigning}). */
    public static final String DOMAIN = "paperboy.example";
    public static final String SELECTOR = "test2026";
    public static final String FEEDBACK_ID = "paperboy:tests";
    private static final String RECORD = "test-dkim.record";

    private DkimCheck() {
    }

    /**
     * Called by {@link TestServers}: a fresh key for the app now starting, its public record kept for the tests (in a
     * system property, as the app's test resources and the tests may not share a class loader), and the settings.
     */
    static Map<String, String> testSigning(Path pem) {
        System.setProperty(RECORD, dnsRecord(newKey(pem)));
        return Map.of("paperboy.dkim.domain", DOMAIN, "paperboy.dkim.selector", SELECTOR,
                "paperboy.dkim.private-key", pem.toAbsolutePath().toString(), "paperboy.feedback-id", FEEDBACK_ID);
    }

    /** The DNS record of the key the running test app signs with. */
    public static String testRecord() {
        return System.getProperty(RECORD);
    }

    /** A fresh 2048-bit RSA key: the private half as a PKCS#8 PEM file at {@code pem}, the public half returned. */
    public static PublicKey newKey(Path pem) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(pem.toAbsolutePath().getParent());
            Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n");
            return pair.getPublic();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The TXT record an operator publishes for this key. */
    public static String dnsRecord(PublicKey key) {
        return "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static PublicKey fromRecord(String record) {
        String p = tags(record).get("p");
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(p)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The verdict on a message's first DKIM-Signature, as raw bytes on the wire. */
    public record Result(boolean valid, String why, Map<String, String> tags) {

        /** The header names the signature covers, lower-cased. */
        public List<String> signedHeaders() {
            return tags.get("h") == null ? List.of() : List.of(tags.get("h").toLowerCase(Locale.ROOT).split("\\s*:\\s*"));
        }
    }

    public static Result verify(byte[] raw, PublicKey key) {
        String message = new String(raw, StandardCharsets.ISO_8859_1);
        int split = message.indexOf("\r\n\r\n");
        if (split < 0) {
            return new Result(false, "no empty line after the headers (CRLF line ends expected)", Map.of());
        }
        List<String[]> headers = headers(message.substring(0, split + 2));
        String body = message.substring(split + 4);
        String[] signature = headers.stream().filter(h -> h[0].equalsIgnoreCase("DKIM-Signature")).findFirst().orElse(null);
        if (signature == null) {
            return new Result(false, "no DKIM-Signature header", Map.of());
        }
        Map<String, String> tags = tags(signature[1]);
        String[] canon = tags.getOrDefault("c", "simple/simple").split("/");
        boolean relaxedHeaders = canon[0].equals("relaxed");
        boolean relaxedBody = canon.length > 1 && canon[1].equals("relaxed");
        if (!"rsa-sha256".equals(tags.get("a"))) {
            return new Result(false, "algorithm " + tags.get("a"), tags);
        }
        try {
            String bodyHash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(canonicalBody(body, relaxedBody).getBytes(StandardCharsets.ISO_8859_1)));
            if (!bodyHash.equals(tags.get("bh"))) {
                return new Result(false, "body hash differs: the body changed", tags);
            }
            StringBuilder signed = new StringBuilder();
            Map<String, Integer> used = new HashMap<>();
            for (String name : tags.get("h").split("\\s*:\\s*")) {
                String[] header = lastUnused(headers, name.trim(), used);
                if (header != null) {
                    signed.append(canonicalHeader(header, relaxedHeaders)).append("\r\n");
                }
            }
            String own = signature[2].replaceAll("(?<=[;\\s]b=|^b=)[^;]*", "");
            signed.append(canonicalHeader(new String[]{signature[0], own.substring(own.indexOf(':') + 1), own}, relaxedHeaders));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update(signed.toString().getBytes(StandardCharsets.ISO_8859_1));
            boolean ok = rsa.verify(Base64.getDecoder().decode(tags.get("b")));
            return new Result(ok, ok ? "pass" : "signature does not match the signed headers", tags);
        } catch (GeneralSecurityException e) {
            return new Result(false, e.toString(), tags);
        }
    }

    /** Each header as {name, value, whole raw field}, unfolding kept in the raw field. */
    private static List<String[]> headers(String block) {
        List<String> fields = new ArrayList<>();
        for (String line : block.split("\r\n")) {
            if (!fields.isEmpty() && (line.startsWith(" ") || line.startsWith("\t"))) {
                fields.set(fields.size() - 1, fields.get(fields.size() - 1) + "\r\n" + line);
            } else if (!line.isEmpty()) {
                fields.add(line);
            }
        }
        List<String[]> headers = new ArrayList<>();
        for (String field : fields) {
            int colon = field.indexOf(':');
            headers.add(new String[]{field.substring(0, colon).trim(), field.substring(colon + 1), field});
        }
        return headers;
    }

    private static String[] lastUnused(List<String[]> headers, String name, Map<String, Integer> used) {
        String key = name.toLowerCase(Locale.ROOT);
        int skip = used.getOrDefault(key, 0);
        for (int i = headers.size() - 1; i >= 0; i--) {
            if (headers.get(i)[0].equalsIgnoreCase(name) && skip-- == 0) {
                used.merge(key, 1, Integer::sum);
                return headers.get(i);
            }
        }
        return null;
    }

    private static String canonicalHeader(String[] header, boolean relaxed) {
        if (!relaxed) {
            return header[2];
        }
        String value = header[1].replace("\r\n", "").replaceAll("[ \t]+", " ").strip();
        return header[0].toLowerCase(Locale.ROOT) + ":" + value;
    }

    private static String canonicalBody(String body, boolean relaxed) {
        List<String> lines = new ArrayList<>(List.of(body.split("\r\n", -1)));
        if (relaxed) {
            lines.replaceAll(l -> l.replaceAll("[ \t]+", " ").replaceAll(" $", ""));
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        if (lines.isEmpty()) {
            return relaxed ? "" : "\r\n";
        }
        return String.join("\r\n", lines) + "\r\n";
    }

    private static Map<String, String> tags(String value) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String part : value.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                tags.put(part.substring(0, eq).trim(), part.substring(eq + 1).replaceAll("\\s+", ""));
            }
        }
        return tags;
    }
}
