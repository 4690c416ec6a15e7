package dev.paperboy.paper;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Cleans a source's paper and says what is wrong with it, if anything. */
final class PaperChecks {

    static final int MAX_TITLE = 600;
    static final int MAX_ABSTRACT = 20_000;
    static final int MAX_ID = 200;
    static final int MAX_URL = 2000;
    static final int MAX_NAMES = 200;
    static final int MAX_NAME = 300;
    static final int MAX_VERSION = 1000;

    private PaperChecks() {
    }

    /** Plain text: no markup, every entity decoded, no control characters, whitespace collapsed. */
    static String plain(String text) {
        return CleanText.plain(text);
    }

    /** The key under which two sources' copies of one paper meet: lower case, no accents, no punctuation. */
    static String titleKey(String title) {
        return CleanText.titleKey(title);
    }

    /** The cleaned paper, or the reason it cannot be stored. */
    static Checked check(PaperInput input) {
        List<String> problems = new ArrayList<>();
        String title = plain(input.title());
        String abstractText = plain(input.abstractText());
        if (title.isEmpty()) {
            problems.add("title is missing");
        } else if (title.length() > MAX_TITLE) {
            problems.add("title is longer than " + MAX_TITLE + " characters");
        } else if (!CleanText.hasLetterOrDigit(title)) {
            problems.add("title has no letters or digits");
        }
        if (abstractText.isEmpty()) {
            problems.add("abstract is missing");
        } else if (abstractText.length() > MAX_ABSTRACT) {
            problems.add("abstract is longer than " + MAX_ABSTRACT + " characters");
        }
        String id = input.id() == null ? null : plain(input.id());
        Optional<ArxivId> arxiv = ArxivId.parse(id);
        if (arxiv.isPresent()) {
            id = arxiv.get().id();
        } else if (id != null && (id.isEmpty() || id.length() > MAX_ID)) {
            problems.add("id must have 1 to " + MAX_ID + " characters");
        }
        Integer version = input.version() != null ? input.version() : arxiv.map(ArxivId::version).orElse(null);
        if (version != null && (version < 1 || version > MAX_VERSION)) {
            problems.add("version must be from 1 to " + MAX_VERSION);
        }
        if (input.upvotes() != null && input.upvotes() < 0) {
            problems.add("upvotes must not be negative");
        }
        String url = webUrl(input.url(), "url", problems);
        String pdfUrl = webUrl(input.pdfUrl(), "pdf link", problems);
        List<String> authors = names(input.authors(), "authors", problems);
        List<String> categories = names(input.categories(), "categories", problems);
        String primary = input.primaryCategory() == null ? "" : plain(input.primaryCategory());
        if (primary.length() > MAX_NAME) {
            problems.add("primary category is longer than " + MAX_NAME + " characters");
        }
        if (!problems.isEmpty()) {
            return new Checked(Optional.empty(), String.join(", ", problems));
        }
        Paper paper = new Paper();
        paper.externalId = id;
        paper.title = title;
        paper.titleKey = titleKey(title);
        paper.abstractText = abstractText;
        paper.authors = authors.toArray(String[]::new);
        paper.categories = categories.toArray(String[]::new);
        paper.url = url;
        paper.published = input.published();
        paper.version = version;
        paper.upvotes = input.upvotes();
        paper.primaryCategory = primary.isEmpty() ? null : primary;
        paper.updated = input.updated();
        paper.pdfUrl = pdfUrl;
        return new Checked(Optional.of(paper), null);
    }

    private static List<String> names(List<String> raw, String field, List<String> problems) {
        if (raw == null) {
            return List.of();
        }
        if (raw.size() > MAX_NAMES) {
            problems.add(field + " has more than " + MAX_NAMES + " entries");
            return List.of();
        }
        List<String> names = raw.stream().map(PaperChecks::plain).filter(n -> !n.isEmpty()).distinct().toList();
        if (names.stream().anyMatch(n -> n.length() > MAX_NAME)) {
            problems.add(field + " has an entry longer than " + MAX_NAME + " characters");
        }
        return names;
    }

    /** The trimmed URL, null when there is none; anything but an absolute http(s) URL is a problem. */
    private static String webUrl(String raw, String field, List<String> problems) {
        String url = raw == null || raw.isBlank() ? null : raw.strip();
        if (url != null && !isWebUrl(url)) {
            problems.add(field + " must be an absolute http(s) URL of at most " + MAX_URL + " characters");
        }
        return url;
    }

    private static boolean isWebUrl(String url) {
        if (url.length() > MAX_URL) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return uri.getHost() != null && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()));
        } catch (Exception e) {
            return false;
        }
    }

    /** A checked paper, or why not. */
    record Checked(Optional<Paper> paper, String problem) {
    }
}
