package dev.paperboy.paper;

import java.net.URI;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Cleans a source's paper and says what is wrong with it, if anything. */
final class PaperChecks {

    static final int MAX_TITLE = 600;
    static final int MAX_ABSTRACT = 20_000;
    static final int MAX_ID = 200;
    static final int MAX_URL = 2000;
    static final int MAX_NAMES = 200;
    static final int MAX_NAME = 300;

    private static final Pattern TAGS = Pattern.compile("<(?:/?[A-Za-z][^<>]{0,2000}|!--[^<>]{0,2000}--)>");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\n\\t]]");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private PaperChecks() {
    }

    /** Plain text: no markup, no control characters, whitespace collapsed. */
    static String plain(String text) {
        if (text == null) {
            return "";
        }
        String noTags = TAGS.matcher(text).replaceAll(" ");
        String decoded = noTags.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&nbsp;", " ").replace("&amp;", "&");
        return SPACE.matcher(CONTROL.matcher(decoded).replaceAll("")).replaceAll(" ").trim();
    }

    /** The key under which two sources' copies of one paper meet: lower case, no accents, no punctuation. */
    static String titleKey(String title) {
        String folded = MARKS.matcher(Normalizer.normalize(title, Normalizer.Form.NFKD)).replaceAll("");
        return NOT_WORD.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
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
        } else if (titleKey(title).isEmpty()) {
            problems.add("title has no letters or digits");
        }
        if (abstractText.isEmpty()) {
            problems.add("abstract is missing");
        } else if (abstractText.length() > MAX_ABSTRACT) {
            problems.add("abstract is longer than " + MAX_ABSTRACT + " characters");
        }
        String id = input.id() == null ? null : plain(input.id());
        if (id != null && (id.isEmpty() || id.length() > MAX_ID)) {
            problems.add("id must have 1 to " + MAX_ID + " characters");
        }
        String url = input.url() == null || input.url().isBlank() ? null : input.url().trim();
        if (url != null && !isWebUrl(url)) {
            problems.add("url must be an absolute http(s) URL of at most " + MAX_URL + " characters");
        }
        List<String> authors = names(input.authors(), "authors", problems);
        List<String> categories = names(input.categories(), "categories", problems);
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
        List<String> names = raw.stream().map(PaperChecks::plain).filter(n -> !n.isEmpty()).toList();
        if (names.stream().anyMatch(n -> n.length() > MAX_NAME)) {
            problems.add(field + " has an entry longer than " + MAX_NAME + " characters");
        }
        return names;
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
