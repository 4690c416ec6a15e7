package dev.paperboy.system;

import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the operator's settings at start, before any work: a value that would make the node do nothing, or
 * nonsense, stops the start with one line naming the variable (Quarkus prints a ConfigurationException's message
 * alone, without a stack trace), instead of a node that sends nothing or fails on its first request.
 */
// before the jobs and senders start, and before Quartz's own start observer (PLATFORM_BEFORE) creates the scheduler and
// its triggers: a refused start does no work first, and a wrong PAPERBOY_BOUNCE_EVERY is this one line, not Quartz's
// stack trace
@Startup(SettingsCheck.FIRST)
@Singleton
public class SettingsCheck {

    /** This check's start priority: before every other start observer, Quartz's (0) included. */
    static final int FIRST = Interceptor.Priority.PLATFORM_BEFORE - 1000;

    SettingsCheck(PaperboyConfig config) {
        List<String> problems = problems(config);
        if (!problems.isEmpty()) {
            throw wrong(String.join("; ", problems));
        }
    }

    /** A wrong setting, for the operator: its message is all Quarkus prints, so it names the variable. */
    public static ConfigurationException wrong(String message) {
        ConfigurationException e = new ConfigurationException("Paperboy cannot start: " + message);
        e.setStackTrace(new StackTraceElement[0]);
        return e;
    }

    static List<String> problems(PaperboyConfig config) {
        List<String> problems = new ArrayList<>();
        config.deliverySenders().ifPresent(senders -> {
            if (senders < 1) {
                problems.add("PAPERBOY_DELIVERY_SENDERS=" + senders + " would send nothing: give 1 or more, or leave"
                        + " it unset (twice the cores)");
            }
        });
        if (config.deliveryInFlight() < 1) {
            problems.add("PAPERBOY_DELIVERY_IN_FLIGHT=" + config.deliveryInFlight() + ": give 1 or more");
        }
        config.smtp().rate().ifPresent(rate -> {
            if (!(rate > 0) || Double.isInfinite(rate)) {
                problems.add("PAPERBOY_SMTP_RATE=" + rate + ": give messages per second above 0, or leave it unset"
                        + " (no cap)");
            }
        });
        positive(problems, "PAPERBOY_DELIVERY_LEASE", config.deliveryLease());
        positive(problems, "PAPERBOY_CONFIRM_TTL", config.confirmTtl());
        if (config.catchUpLimit().isNegative()) {
            problems.add("PAPERBOY_CATCH_UP_LIMIT=" + text(config.catchUpLimit()) + " is negative: no"
                    + " digest would ever be sent on time; give 0 (never catch up) or a duration such as 2d");
        }
        config.baseUrl().ifPresent(base -> {
            String problem = baseUrlProblem(base);
            if (problem != null) {
                problems.add("PAPERBOY_BASE_URL=" + base + ": " + problem);
            }
        });
        config.trustedProxies().ifPresent(proxies -> {
            try {
                new ClientAddresses(proxies);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage() + " (give addresses or CIDR ranges separated by commas)");
            }
        });
        try {
            new jakarta.mail.internet.InternetAddress(config.mailFrom(), true);
        } catch (jakarta.mail.internet.AddressException e) {
            problems.add("PAPERBOY_MAIL_FROM=" + config.mailFrom() + ": not an address; give one such as"
                    + " Paperboy <digest@example.org>");
        }
        config.feedbackId().filter(id -> !id.matches("[\\x21-\\x7e]{1,200}")).ifPresent(id -> problems.add(
                "PAPERBOY_FEEDBACK_ID must be 1-200 printable ASCII characters without spaces, such as"
                        + " paperboy:example.org"));
        if (config.bounce().host().isPresent()
                && !BOUNCE_PROTOCOLS.contains(config.bounce().protocol().toLowerCase(java.util.Locale.ROOT))) {
            problems.add("PAPERBOY_BOUNCE_PROTOCOL=" + config.bounce().protocol() + ": give imap, imaps, pop3 or pop3s");
        }
        String every = config.bounce().every();
        if (!every.equalsIgnoreCase("off") && !every.equalsIgnoreCase("disabled")) {
            try {
                // as Quarkus reads @Scheduled(every): a negative interval would quietly run as its absolute value
                Duration interval = io.quarkus.runtime.configuration.DurationConverter.parseDuration(every);
                if (interval.toMillis() <= 0) {
                    problems.add("PAPERBOY_BOUNCE_EVERY=" + every + ": give a duration above 0, such as 10m, or off");
                }
            } catch (RuntimeException e) {
                problems.add("PAPERBOY_BOUNCE_EVERY=" + every + ": not a duration; give one such as 10m, or off");
            }
        }
        config.secret().ifPresent(secret -> {
            try {
                byte[] key = Secrets.decode(secret);
                if (key.length < 16) {
                    problems.add("PAPERBOY_SECRET holds " + key.length + " bytes: give at least 16 random bytes,"
                            + " such as the output of openssl rand -base64 32");
                }
            } catch (IllegalStateException e) {
                problems.add("PAPERBOY_SECRET is not base64: give the output of openssl rand -base64 32");
            }
        });
        return problems;
    }

    private static final java.util.Set<String> BOUNCE_PROTOCOLS = java.util.Set.of("imap", "imaps", "pop3", "pop3s");

    private static void positive(List<String> problems, String variable, Duration value) {
        if (value.isZero() || value.isNegative()) {
            problems.add(variable + "=" + text(value) + ": give a duration above 0, such as 2m or 7d");
        }
    }

    private static String text(Duration value) {
        return value.toString().substring(2).toLowerCase(java.util.Locale.ROOT); // PT-24H -> -24h
    }

    /** Why this cannot be the public URL in front of every mailed link; null when it can. */
    static String baseUrlProblem(String base) {
        URI uri;
        try {
            uri = new URI(base);
        } catch (Exception e) {
            return "not a URL";
        }
        if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                || uri.getHost() == null) {
            return "give the full public address, such as https://papers.example.org";
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return "no ?query or #fragment: every link adds its own path after it";
        }
        return null;
    }
}
