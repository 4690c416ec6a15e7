package dev.paperboy.digest;

import java.util.List;

/** What a digest shows, in the mail and on its web page; the feed's copy has no address and no subscription links. */
public record DigestView(String email, String periodLabel, List<Item> papers, String viewUrl,
                         String preferencesUrl, String unsubscribeUrl, String homeUrl, String testOf, int more) {

    /** A view that shows all its papers. */
    public DigestView(String email, String periodLabel, List<Item> papers, String viewUrl, String preferencesUrl,
                      String unsubscribeUrl, String homeUrl, String testOf) {
        this(email, periodLabel, papers, viewUrl, preferencesUrl, unsubscribeUrl, homeUrl, testOf, 0);
    }

    /** This view showing only its first {@code count} papers; the others are counted as more on the web page. */
    public DigestView firstPapers(int count) {
        return new DigestView(email, periodLabel, papers.subList(0, count), viewUrl, preferencesUrl, unsubscribeUrl,
                homeUrl, testOf, more + papers.size() - count);
    }

    /** "3 more papers": those the mail leaves to the web page (past the subscriber's number, or the size clients clip at). */
    public String moreLabel() {
        return more == 1 ? "1 more paper" : more + " more papers";
    }

    /**
     * One paper of the digest and why it is there: its title and an abstract snippet as plain text, and as HTML
     * with the words of the interest that brought it marked (everything else escaped). The owner's copy carries the
     * "more like this" / "less like this" links (null elsewhere).
     */
    public record Item(int number, long paperId, String title, String titleHtml, String authors, String summary,
                       String summaryHtml, String link, String reason, boolean trending, String moreUrl,
                       String lessUrl) {

        Item withFeedback(String more, String less) {
            return new Item(number, paperId, title, titleHtml, authors, summary, summaryHtml, link, reason, trending,
                    more, less);
        }
    }

    /** A test digest the operator sent for the interest {@code testOf}: no subscription, recorded nowhere. */
    public boolean test() {
        return testOf != null;
    }

    /** The owner's copy (mail, "view in browser"), not the feed's. */
    public boolean personal() {
        return email != null;
    }

    public String countLabel() {
        int total = papers.size() + more;
        return total == 1 ? "1 new paper" : total + " new papers";
    }
}
