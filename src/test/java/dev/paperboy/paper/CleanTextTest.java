package dev.paperboy.paper;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Markup becomes text, every entity is decoded, and what only looks like markup (LaTeX, inequalities) stays. */
class CleanTextTest {

    @Test
    void inequalitiesSurviveInTheTextAndInTheTitleKey() {
        assertEquals("for k<n and n>m", CleanText.plain("for k<n and n>m"));
        assertEquals("for k<n and n>m", CleanText.plain("for k&lt;n and n&gt;m"));
        assertEquals("Bounds when $k<n$ and $p>0.5$", CleanText.plain("Bounds when $k<n$ and $p>0.5$"));
        assertEquals("a<b and c>d", CleanText.plain("a<b and c>d"), "a tag name followed by words is no tag");
        assertEquals("x<y>z and p<q", CleanText.plain("x<y>z and p<q"), "<y> is no HTML element");
        assertEquals("for k < n and n > m", CleanText.titleKey("For k<n and n>m"));
        assertEquals(CleanText.titleKey("for k<n and n>m"), CleanText.titleKey("For $k < n$ and $n > m$!"));
        assertNotEquals(CleanText.titleKey("Bounds for k<n"), CleanText.titleKey("Bounds for k>n"));
    }

    @Test
    void markupIsRemovedAndTextKept() {
        assertEquals("CO2 capture with MOFs", CleanText.plain("CO<sub>2</sub> capture with <i>MOFs</i>"));
        assertEquals("First paragraph. Second one.", CleanText.plain("<p>First paragraph.</p><p>Second one.</p>"));
        assertEquals("Title", CleanText.plain("<img src=x onerror=alert(1)>Title"));
        assertEquals("Title", CleanText.plain("<svg/onload=alert(1)>Title"));
        assertEquals("Title", CleanText.plain("<IMG SRC=\"x\" ONERROR='alert(1)'/>Title"));
        assertEquals("Title", CleanText.plain("<script>alert(1)</script>Title<style>p{}</style>"));
        assertEquals("A link", CleanText.plain("<a href=\"https://example.org\" title='x'>A link</a>"));
        assertEquals("before after", CleanText.plain("before <!-- a comment -->after"));
        assertEquals("line one line two", CleanText.plain("line one<br/>line two"));
    }

    @Test
    void everyEntityIsDecoded() {
        assertEquals("Café — naïve résumé", CleanText.plain("Caf&eacute; &#x2014; na&iuml;ve r&#233;sum&eacute;"));
        assertEquals("Tom & Jerry \"quoted\" it's", CleanText.plain("Tom &amp; Jerry &quot;quoted&quot; it&#39;s"));
        assertEquals("10 TOPS", CleanText.plain("10&nbsp;TOPS"), "a no-break space is a space");
        assertEquals("α ≤ β", CleanText.plain("&alpha; &le; &beta;"));
        assertEquals("AT&T and R&D", CleanText.plain("AT&T and R&D"));
    }

    @Test
    void latexIsKeptAsWritten() {
        String latex = "The $\\mathcal{O}(n^{2})$ bound for $\\{x_i\\}_{i<n}$ \\& more";
        assertEquals(latex, CleanText.plain(latex));
    }
}
