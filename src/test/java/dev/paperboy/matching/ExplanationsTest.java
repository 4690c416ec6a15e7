package dev.paperboy.matching;

import dev.paperboy.paper.Paper;
import dev.paperboy.subscriber.interest.InterestLanguage;
import dev.paperboy.subscriber.interest.InterestRefused;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A stored interest's explanation is the one its parsed text gives, whether remembered already or not. */
class ExplanationsTest {

    private static Paper paper(long revision, String title) {
        Paper paper = new Paper();
        paper.id = 7L;
        paper.revision = revision;
        paper.title = title;
        paper.abstractText = "We train an LSTM for English to French translation and reach a BLEU score of 34.8.";
        return paper;
    }

    @Test
    void aStoredInterestIsExplainedAsItsParsedText() throws InterestRefused {
        Explanations explanations = new Explanations();
        Paper paper = paper(1, "Sequence learning with LSTM networks");
        Explanation first = explanations.of("  LSTM translation ", "first reason", paper);
        Explanation parsed = Explainer.explain(InterestLanguage.parse("LSTM translation"), "first reason",
                paper.title, paper.abstractText);
        assertEquals(parsed, first);
        // remembered: asked again with another reason and spacing, the same marks with the new reason
        assertEquals(parsed.because("second reason"), explanations.of("LSTM translation", "second reason", paper));
    }

    @Test
    void aNewRevisionOfThePaperIsExplainedAgain() {
        Explanations explanations = new Explanations();
        explanations.of("LSTM", "why", paper(1, "Sequence learning with LSTM networks"));
        Explanation changed = explanations.of("LSTM", "why", paper(2, "Translation with LSTM networks"));
        assertEquals("Translation with <mark>LSTM</mark> networks", changed.titleHtml());
    }

    @Test
    void aRefusedInterestShowsThePaperUnmarked() {
        Explanation why = new Explanations().of("   ", "why", paper(1, "Sequence learning with LSTM networks"));
        assertEquals("Sequence learning with LSTM networks", why.titleHtml());
        assertEquals("why", why.reason());
    }
}
