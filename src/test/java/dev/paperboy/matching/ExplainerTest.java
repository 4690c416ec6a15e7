package dev.paperboy.matching;

import dev.paperboy.subscriber.interest.InterestLanguage;
import dev.paperboy.subscriber.interest.InterestRefused;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lucene's highlighter marks an interest's words in a paper, in plain text and in HTML escaped but for the marks. */
class ExplainerTest {

    private static final String ABSTRACT = "Deep networks are powerful. Although they work well on large labeled"
            + " sets, they cannot map sequences to sequences. We present an approach to sequence learning with a"
            + " multilayered LSTM that maps the input to a vector, and another LSTM that decodes it. On an English to"
            + " French translation task the LSTM reaches a BLEU score of 34.8, near the best result, and it learned"
            + " sensible phrase and sentence representations that are sensitive to word order.";

    private static Explanation explain(String interest, String title) throws InterestRefused {
        return Explainer.explain(InterestLanguage.parse(interest), "why", title, ABSTRACT);
    }

    @Test
    void marksTheMatchedWordsInTitleAndSnippet() throws InterestRefused {
        Explanation why = explain("LSTM translation", "Sequence learning with LSTM networks");
        assertEquals("Sequence learning with <mark>LSTM</mark> networks", why.titleHtml());
        assertEquals("Sequence learning with LSTM networks", why.title());
        assertTrue(why.snippetHtml().contains("<mark>LSTM</mark>"), why.snippetHtml());
        assertTrue(why.snippetHtml().contains("<mark>translation</mark>"), why.snippetHtml());
        assertFalse(why.snippet().contains("<mark>"), "the plain form has no markup");
        assertTrue(why.snippet().length() < ABSTRACT.length(), "a snippet, not the whole abstract");
        assertEquals("why", why.reason());
    }

    @Test
    void escapesEverythingButItsOwnMarks() throws InterestRefused {
        Explanation why = explain("LSTM", "<script>alert('x')</script> & LSTM \"quoted\"");
        assertEquals("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; <mark>LSTM</mark> &quot;quoted&quot;",
                why.titleHtml());
        assertEquals("<script>alert('x')</script> & LSTM \"quoted\"", why.title(), "the plain form is as written");
    }

    @Test
    void aPhraseIsMarkedOnlyWhereItsWordsStandTogetherAndExcludedWordsNever() throws InterestRefused {
        Explanation phrase = explain("\"sequence learning\" -French", "Learning a sequence, and sequence learning");
        assertEquals("Learning a sequence, and <mark>sequence</mark> <mark>learning</mark>", phrase.titleHtml());
        assertFalse(phrase.snippetHtml().contains("<mark>French</mark>"), phrase.snippetHtml());
    }

    @Test
    void aPaperMatchedByMeaningShowsTheOpeningOfItsAbstract() throws InterestRefused {
        Explanation why = explain("model editing", "Sequence learning with LSTM networks");
        assertEquals("Sequence learning with LSTM networks", why.titleHtml());
        assertTrue(why.snippet().startsWith("Deep networks are powerful."), why.snippet());
        assertTrue(why.snippet().endsWith("…"), why.snippet());
    }
}
