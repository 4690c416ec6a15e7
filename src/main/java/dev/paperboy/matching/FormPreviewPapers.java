package dev.paperboy.matching;

import dev.paperboy.subscriber.InterestPreviews;
import dev.paperboy.subscriber.interest.ParsedInterest;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The forms' preview of an interest: the same ranking and reasons as {@code GET /api/preview}. */
@ApplicationScoped
class FormPreviewPapers implements InterestPreviews {

    private final MatchingService matching;

    FormPreviewPapers(MatchingService matching) {
        this.matching = matching;
    }

    @Override
    public List<PreviewedPaper> papers(ParsedInterest interest, int limit) {
        return matching.preview(interest, limit).stream()
                .map(p -> new PreviewedPaper(p.paper().title(), p.why().titleHtml(), p.paper().link(), p.why().reason()))
                .toList();
    }
}
