package dev.paperboy.subscriber;

import dev.paperboy.subscriber.interest.ParsedInterest;

import java.util.List;

/**
 * The papers an interest would bring now, best first, for the forms' preview. Matching answers it (the flow runs
 * matching → subscriber, so the forms ask through this interface rather than reaching up).
 */
public interface InterestPreviews {

    /** At most {@code limit} papers of the recent window for {@code interest}, ranked as a first digest is. */
    List<PreviewedPaper> papers(ParsedInterest interest, int limit);

    /** One paper of a preview; {@code titleHtml} is escaped but for {@code <mark>} around the matched words. */
    record PreviewedPaper(String title, String titleHtml, String url, String why) {
    }
}
