package dev.paperboy.paper;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An arXiv identifier without its version, and the version when one was written: {@code 2611.04417v2},
 * {@code arXiv:2611.04417v2}, {@code oai:arXiv.org:2611.04417} and {@code http://arxiv.org/abs/2611.04417v2} are
 * all {@code 2611.04417}; old-style {@code hep-th/9901001v3} is {@code hep-th/9901001}.
 */
public record ArxivId(String id, Integer version) {

    private static final Pattern ARXIV = Pattern.compile(
            "(?i:(?:https?://(?:[a-z]+\\.)?arxiv\\.org/(?:abs|pdf)/)|(?:oai:arxiv\\.org:)|(?:arxiv:))?"
                    + "(\\d{4}\\.\\d{4,5}|[a-z][a-z-]*(?:\\.[A-Za-z]{2})?/\\d{7})(?:v(\\d{1,4}))?(?i:\\.pdf)?/?");

    /** The arXiv id in {@code text}, when the whole text is one in any of the usual spellings. */
    public static Optional<ArxivId> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = ARXIV.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String version = matcher.group(2);
        return Optional.of(new ArxivId(matcher.group(1), version == null ? null : Integer.valueOf(version)));
    }

    /** The paper's abstract page, always its latest version. */
    public String absUrl() {
        return "https://arxiv.org/abs/" + id;
    }

    /** The paper's PDF, always its latest version. */
    public String pdfUrl() {
        return "https://arxiv.org/pdf/" + id;
    }
}
