package dev.paperboy.paper.source;

import io.quarkus.runtime.configuration.DurationConverter;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A checked source definition: {@code {name, kind, url, query?, set?, every?, enabled}} with the defaults filled in. */
public record SourceSpec(String name, SourceKind kind, String url, String query, String set, Duration every,
                         boolean enabled) {

    static final Duration SHORTEST_EVERY = Duration.ofMinutes(1);
    static final Duration LONGEST_EVERY = Duration.ofDays(365);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");
    private static final Pattern CATEGORY = Pattern.compile("[A-Za-z-]+(\\.[A-Za-z-]+)?");
    private static final Pattern SET = Pattern.compile("[A-Za-z0-9:._-]{1,100}");
    private static final Pattern EVERY = Pattern.compile("\\d{1,9}[smhd]|P.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

    /** Checks a definition as the operator wrote it (null for what they left out); throws {@link InvalidSource}. */
    public static SourceSpec of(String name, String kind, String url, String query, String set, String every,
                                Boolean enabled) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidSource("name must be 1 to 40 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (kind == null || kind.isBlank()) {
            throw new InvalidSource("kind is missing: one of " + SourceKind.ids());
        }
        SourceKind sourceKind = SourceKind.of(kind.trim());
        return new SourceSpec(name, sourceKind, url(sourceKind, url), query(sourceKind, query), set(sourceKind, set),
                every(every), enabled == null || enabled);
    }

    private static String url(SourceKind kind, String given) {
        if (given == null || given.isBlank()) {
            if (kind.defaultUrl() == null) {
                throw new InvalidSource("url is missing: a " + kind.id() + " source needs the address to poll");
            }
            return kind.defaultUrl();
        }
        String url = given.trim();
        try {
            URI uri = new URI(url);
            boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            if (!web || uri.getHost() == null || uri.getUserInfo() != null || url.length() > 2000) {
                throw new URISyntaxException(url, "not a web address");
            }
        } catch (URISyntaxException e) {
            throw new InvalidSource("url must be an absolute http(s) address without credentials, at most 2000 characters");
        }
        return url;
    }

    private static String query(SourceKind kind, String given) {
        String query = given == null || given.isBlank() ? null : given.trim();
        switch (kind) {
            case ARXIV_API -> {
                if (query == null) {
                    throw new InvalidSource("query is missing: an arxiv-api source needs a search such as cat:cs.LG OR cat:cs.CL");
                }
                if (query.length() > 1000 || CONTROL.matcher(query).find()) {
                    throw new InvalidSource("query must be at most 1000 characters on one line");
                }
                return query;
            }
            case ARXIV_RSS -> {
                if (query == null) {
                    throw new InvalidSource("query is missing: an arxiv-rss source needs its categories, such as cs.LG+cs.CL");
                }
                String[] categories = query.split("[\\s,+]+");
                if (query.length() > 1000 || !Arrays.stream(categories).allMatch(c -> CATEGORY.matcher(c).matches())) {
                    throw new InvalidSource("query of an arxiv-rss source is a list of arXiv categories joined with '+', such as cs.LG+cs.CL");
                }
                return Arrays.stream(categories).collect(Collectors.joining("+"));
            }
            default -> {
                if (query != null) {
                    throw new InvalidSource("query is only for arxiv-api (a search) and arxiv-rss (categories), not " + kind.id());
                }
                return null;
            }
        }
    }

    private static String set(SourceKind kind, String given) {
        String set = given == null || given.isBlank() ? null : given.trim();
        if (set == null) {
            return null;
        }
        if (kind != SourceKind.ARXIV_OAI) {
            throw new InvalidSource("set is only for arxiv-oai sources, not " + kind.id());
        }
        if (!SET.matcher(set).matches()) {
            throw new InvalidSource("set must be an OAI set spec such as cs or physics:hep-th");
        }
        return set;
    }

    private static Duration every(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        Duration every;
        try {
            if (!EVERY.matcher(given.trim()).matches()) {
                throw new IllegalArgumentException(given);
            }
            every = DurationConverter.parseDuration(given.trim());
        } catch (RuntimeException e) {
            throw new InvalidSource("every must be a duration such as 30m, 1h or 1d, not " + given);
        }
        if (every == null || every.compareTo(SHORTEST_EVERY) < 0 || every.compareTo(LONGEST_EVERY) > 0) {
            throw new InvalidSource("every must be at least 1m and at most 365d, not " + given);
        }
        return every;
    }

    /** The same source, polled the same way: a change of anything else (only every or enabled) keeps its progress. */
    boolean samePlace(SourceSpec other) {
        return kind == other.kind && url.equals(other.url) && java.util.Objects.equals(query, other.query)
                && java.util.Objects.equals(set, other.set);
    }
}
