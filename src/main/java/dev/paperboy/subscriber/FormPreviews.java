package dev.paperboy.subscriber;

import dev.paperboy.matching.Quoted;
import dev.paperboy.subscriber.interest.InterestLanguage;
import dev.paperboy.subscriber.interest.InterestRefused;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The preview a form shows without script (its "Preview" button): each typed interest with the papers it would
 * bring, or with why it is refused. The page's script previews the interest being typed through the JSON API.
 */
@ApplicationScoped
class FormPreviews {

    /** Papers shown per interest: enough to judge an interest, few enough to keep the form in view. */
    static final int PAPERS = 5;

    private final InterestPreviews previews;

    FormPreviews(InterestPreviews previews) {
        this.previews = previews;
    }

    /** One preview per distinct non-blank line of {@code interests}, at most {@link SubscriptionChoices#MAX_INTERESTS}. */
    List<InterestPreview> of(String interests) {
        List<InterestPreview> shown = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String line : SubscriptionChoices.lines(interests)) {
            String interest = SubscriptionChoices.normalized(line);
            if (interest.isEmpty() || !seen.add(interest.toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (shown.size() == SubscriptionChoices.MAX_INTERESTS) {
                break;
            }
            shown.add(one(interest));
        }
        return shown;
    }

    private InterestPreview one(String interest) {
        if (interest.length() > SubscriptionChoices.MAX_INTEREST_LENGTH) {
            return new InterestPreview(interest, List.of(), "An interest can have at most "
                    + SubscriptionChoices.MAX_INTEREST_LENGTH + " characters; this one has " + interest.length() + ".", null);
        }
        try {
            List<InterestPreviews.PreviewedPaper> papers = previews.papers(InterestLanguage.parse(interest), PAPERS).stream()
                    .map(p -> new InterestPreviews.PreviewedPaper(p.title(), p.titleHtml(), p.url(),
                            shortWhy(p.why(), interest)))
                    .toList();
            return new InterestPreview(interest, papers, null, null);
        } catch (InterestRefused e) {
            return new InterestPreview(interest, List.of(), e.getMessage(), ChoicesForm.RefusedAt.of(interest, e.position()));
        }
    }

    /**
     * Why a paper matched, without the interest the preview already names above its papers ("Matches graph, neural
     * in the title."), so five papers take less room; any other reason as it is. preview.js shortens it alike.
     */
    static String shortWhy(String why, String interest) {
        String matches = "Matches " + Quoted.interest(interest) + ": ";
        if (why.startsWith(matches)) {
            return "Matches " + why.substring(matches.length());
        }
        return why.equals("Close in meaning to " + Quoted.interest(interest) + ".") ? "Close in meaning." : why;
    }
}
