package dev.paperboy.system;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Settings that would make a node do nothing or nonsense stop its start with a line naming the variable. */
class SettingsCheckTest {

    private static List<String> problems(Map<String, String> settings) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(PaperboyConfig.class)
                .withConverter(java.time.Duration.class, 200, new io.quarkus.runtime.configuration.DurationConverter())
                .withConverter(io.quarkus.runtime.configuration.MemorySize.class, 200,
                        new io.quarkus.runtime.configuration.MemorySizeConverter())
                .withSources(new PropertiesConfigSource(settings, "test", 500))
                .withSources(properties()).build();
        return SettingsCheck.problems(config.getConfigMapping(PaperboyConfig.class));
    }

    /** The application's own properties, for the settings without a default in the mapping. */
    private static PropertiesConfigSource properties() {
        try {
            return new PropertiesConfigSource(SettingsCheckTest.class.getResource("/application.properties"), 250);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void refused(String variable, String value, String says) {
        List<String> problems = problems(Map.of(variable, value));
        assertEquals(1, problems.size(), variable + "=" + value + ": " + problems);
        String env = "PAPERBOY_" + variable.substring("paperboy.".length()).replace('.', '_').replace('-', '_')
                .toUpperCase();
        assertTrue(problems.get(0).startsWith(env) && problems.get(0).contains(says), problems.get(0));
    }

    @Test
    void valuesThatWouldSendNothingOrNonsenseAreRefusedNamingTheVariable() {
        refused("paperboy.delivery-senders", "0", "would send nothing");
        refused("paperboy.delivery-in-flight", "0", "1 or more");
        refused("paperboy.smtp.rate", "0", "above 0");
        refused("paperboy.catch-up-limit", "-1d", "negative");
        refused("paperboy.delivery-lease", "0s", "above 0");
        refused("paperboy.confirm-ttl", "-7d", "above 0");
        refused("paperboy.base-url", "papers.example.org", "full public address");
        refused("paperboy.base-url", "https://papers.example.org/?x=1", "no ?query");
        refused("paperboy.trusted-proxies", "10.0.0.0/33", "bad prefix length");
        refused("paperboy.trusted-proxies", "10.0.0.1,proxy.example.org", "not an IP address");
        refused("paperboy.mail-from", "not an address", "not an address");
        refused("paperboy.feedback-id", "has spaces", "printable ASCII");
        refused("paperboy.secret", "c2hvcnQ", "at least 16");
        refused("paperboy.secret", "not*base64!", "not base64");
        refused("paperboy.bounce.every", "0", "above 0");
        refused("paperboy.bounce.every", "-10m", "above 0");
        refused("paperboy.bounce.every", "often", "not a duration");
        assertTrue(problems(Map.of("paperboy.bounce.host", "imap.example.org", "paperboy.bounce.protocol", "ftp"))
                .get(0).startsWith("PAPERBOY_BOUNCE_PROTOCOL=ftp"));
    }

    @Test
    void theDefaultsAndDocumentedValuesPass() {
        assertEquals(List.of(), problems(Map.of()));
        assertEquals(List.of(), problems(Map.of("paperboy.delivery-senders", "1", "paperboy.smtp.rate", "0.5",
                "paperboy.catch-up-limit", "0s", "paperboy.base-url", "https://example.org/paperboy/",
                "paperboy.trusted-proxies", "10.0.0.0/8, 192.0.2.10", "paperboy.bounce.every", "off",
                "paperboy.secret", "c2VjcmV0LXNlY3JldC1zZWNyZXQ")));
        assertEquals(List.of(), problems(Map.of("paperboy.bounce.every", "90s")));
        assertEquals(List.of(), problems(Map.of("paperboy.bounce.every", "PT1H")));
        assertEquals(List.of(), problems(Map.of("paperboy.bounce.every", "disabled",
                "paperboy.secret", "c2VjcmV0LXNlY3JldC1zZWNyZXQ")));
    }

    @Test
    void theCheckRunsBeforeQuartzCreatesTheScheduler() {
        // Quartz's scheduler (and with it each @Scheduled interval, PAPERBOY_BOUNCE_EVERY's too) is created by its
        // StartupEvent observer at PLATFORM_BEFORE; at the same priority it won, and a zero interval was 31 stack lines
        int priority = SettingsCheck.class.getAnnotation(io.quarkus.runtime.Startup.class).value();
        assertTrue(priority < jakarta.interceptor.Interceptor.Priority.PLATFORM_BEFORE, "start priority " + priority);
    }
}
