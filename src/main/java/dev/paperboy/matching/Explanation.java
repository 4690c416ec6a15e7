package dev.paperboy.matching;

/**
 * Why a paper is in a digest or preview, for people: the reason in words, and the title and an abstract snippet
 * with the matched words marked, as plain text (for the text mail) and as HTML with only {@code <mark>} unescaped.
 */
public record Explanation(String reason, String title, String titleHtml, String snippet, String snippetHtml) {

    Explanation because(String why) {
        return new Explanation(why, title, titleHtml, snippet, snippetHtml);
    }
}
