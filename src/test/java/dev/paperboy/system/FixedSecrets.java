package dev.paperboy.system;

import io.quarkus.runtime.configuration.MemorySize;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalInt;

/** Real {@link Secrets} built from fixed values or a data dir, for plain unit tests (no Quarkus). */
public final class FixedSecrets {

    private FixedSecrets() {
    }

    /** Secrets holding this link key; nothing is generated or written, since both values are given. */
    public static Secrets withLinkKey(byte[] key) {
        return new Secrets(new Values(Optional.empty(), "target/fixed-secrets-unused", Optional.of("unit-test-admin-token"),
                Optional.of(Base64.getUrlEncoder().withoutPadding().encodeToString(key))));
    }

    /** The public URL as a node configured with {@code url} sees it. */
    public static BaseUrl baseUrl(String url) {
        return new BaseUrl(new Values(Optional.of(url), "target/fixed-secrets-unused", Optional.empty(), Optional.empty()), 8080);
    }

    /** Secrets as a node with this data dir starts them: what is not configured is read from, or generated into, the dir. */
    static Secrets startIn(Path dataDir, Optional<String> secret, Optional<String> adminToken) {
        return new Secrets(new Values(Optional.empty(), dataDir.toString(), adminToken, secret));
    }

    /** Only the values Secrets reads are meaningful; the rest are the documented defaults. */
    private record Values(Optional<String> baseUrl, String dataDir, Optional<String> adminToken, Optional<String> secret)
            implements PaperboyConfig {
        @Override
        public String mailFrom() {
            return "Paperboy <digest@localhost>";
        }

        @Override
        public boolean sampleData() {
            return false;
        }

        @Override
        public Duration deliveryLease() {
            return Duration.ofMinutes(2);
        }

        @Override
        public OptionalInt deliverySenders() {
            return OptionalInt.empty();
        }

        @Override
        public int deliveryInFlight() {
            return 16;
        }

        @Override
        public Duration recentWindow() {
            return Duration.ofDays(7);
        }

        @Override
        public Duration confirmTtl() {
            return Duration.ofDays(7);
        }

        @Override
        public Optional<java.util.List<String>> trustedProxies() {
            return Optional.empty();
        }

        @Override
        public boolean recordSignupIp() {
            return false;
        }

        @Override
        public RateLimit rateLimit() {
            throw new UnsupportedOperationException("Secrets does not read the rate limits");
        }

        @Override
        public Smtp smtp() {
            throw new UnsupportedOperationException("Secrets does not read the SMTP settings");
        }

        @Override
        public Digest digest() {
            throw new UnsupportedOperationException("Secrets does not read the digest settings");
        }

        @Override
        public MemorySize maxDocumentSize() {
            throw new UnsupportedOperationException("Secrets does not read the paper import settings");
        }

        @Override
        public Optional<String> contact() {
            return Optional.empty();
        }

        @Override
        public Fetch fetch() {
            throw new UnsupportedOperationException("Secrets does not read the fetch settings");
        }

        @Override
        public java.util.Map<String, SourceSeed> sources() {
            return java.util.Map.of();
        }

        @Override
        public Dkim dkim() {
            throw new UnsupportedOperationException("Secrets does not read the DKIM settings");
        }

        @Override
        public Optional<String> feedbackId() {
            return Optional.empty();
        }

        @Override
        public Duration catchUpLimit() {
            return Duration.ofDays(2);
        }

        @Override
        public Bounce bounce() {
            throw new UnsupportedOperationException("Secrets does not read the bounce settings");
        }
    }
}
