package dev.paperboy.system;

import io.quarkus.runtime.configuration.MemorySize;

import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/** Real {@link Secrets} built from fixed values, for plain unit tests of what signs links (no Quarkus, no files). */
public final class FixedSecrets {

    private FixedSecrets() {
    }

    /** Secrets holding this link key; nothing is generated or written, since both values are given. */
    public static Secrets withLinkKey(byte[] key) {
        return new Secrets(new Values(Base64.getUrlEncoder().withoutPadding().encodeToString(key)));
    }

    /** Only the two values Secrets reads are meaningful; the rest are the documented defaults. */
    private record Values(String base64Key) implements PaperboyConfig {
        @Override
        public Optional<String> baseUrl() {
            return Optional.empty();
        }

        @Override
        public String dataDir() {
            return "target/fixed-secrets-unused";
        }

        @Override
        public String mailFrom() {
            return "Paperboy <digest@localhost>";
        }

        @Override
        public Optional<String> adminToken() {
            return Optional.of("unit-test-admin-token");
        }

        @Override
        public Optional<String> secret() {
            return Optional.of(base64Key);
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
        public Duration recentWindow() {
            return Duration.ofDays(7);
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
    }
}
