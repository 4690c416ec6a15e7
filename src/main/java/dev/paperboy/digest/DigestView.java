package dev.paperboy.digest;

import java.util.List;

/** What a digest shows, in the mail and on its web page; the feed's copy has no address and no subscription links. */
public record DigestView(String email, String periodLabel, List<Item> papers, String viewUrl,
                         String preferencesUrl, String unsubscribeUrl, String homeUrl, String testOf) {

    /** One paper of the digest and why it is there. */
    public record Item(int number, String title, String authors, String summary, String link, String reason) {
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
        return papers.size() == 1 ? "1 new paper" : papers.size() + " new papers";
    }
}
