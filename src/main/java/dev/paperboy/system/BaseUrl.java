package dev.paperboy.system;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The public URL in front of every link Paperboy mails out. */
@ApplicationScoped
public class BaseUrl {

    private final String base;

    BaseUrl(PaperboyConfig config, @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int port) {
        String configured = config.baseUrl().orElse("http://localhost:" + port);
        this.base = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
    }

    /** {@code path} must start with a slash. */
    public String to(String path) {
        return base + path;
    }

    /** The host part, used in Message-IDs. */
    public String host() {
        return java.net.URI.create(base).getHost();
    }
}
