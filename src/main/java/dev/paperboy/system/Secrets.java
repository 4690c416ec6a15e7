package dev.paperboy.system;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/** The admin token and the link-token key: from configuration, or generated once into the data dir (never the database). */
@Startup
@ApplicationScoped
public class Secrets {

    private static final Logger LOG = Logger.getLogger(Secrets.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String adminToken;
    private final byte[] linkKey;

    Secrets(PaperboyConfig config) {
        boolean external = !EmbeddedDatabase.inUse();
        SecretsFile secrets = new SecretsFile(Path.of(config.dataDir()));
        Path file = secrets.path();
        Properties stored = secrets.load();
        boolean generated = false;
        if (config.adminToken().isEmpty() && !stored.containsKey("admin-token")) {
            stored.setProperty("admin-token", randomToken(24));
            generated = true;
        }
        if (config.secret().isEmpty() && !stored.containsKey("secret")) {
            stored.setProperty("secret", randomToken(32));
            generated = true;
        }
        if (generated) {
            secrets.save(stored);
        }
        this.adminToken = config.adminToken().orElseGet(() -> stored.getProperty("admin-token"));
        this.linkKey = decode(config.secret().orElseGet(() -> stored.getProperty("secret")));
        if (linkKey.length < 16) {
            throw new IllegalStateException("paperboy.secret must hold at least 16 random bytes (base64url)");
        }
        if (config.secret().isEmpty() && external) {
            LOG.warn("PAPERBOY_SECRET is not set: this node's link key is in its own data dir. With several nodes on"
                    + " one database, set the same PAPERBOY_SECRET on every node, or links work on one node only.");
        }
        if (config.adminToken().isEmpty()) {
            LOG.infof(generated && stored.getProperty("admin-token").equals(adminToken)
                    ? "Generated admin token (kept in %2$s): %1$s"
                    : "Admin token: see admin-token in %2$s", adminToken, file);
        }
    }

    /** Either base64 alphabet, padded or not: `openssl rand -base64 32` and our own generated value both work. */
    static byte[] decode(String secret) {
        String urlSafe = secret.trim().replace('+', '-').replace('/', '_').replace("=", "");
        try {
            return Base64.getUrlDecoder().decode(urlSafe);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("paperboy.secret is not base64", e);
        }
    }

    public String adminToken() {
        return adminToken;
    }

    public byte[] linkKey() {
        return linkKey.clone();
    }

    /** A url-safe random string of the given number of bytes. */
    public static String randomToken(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
