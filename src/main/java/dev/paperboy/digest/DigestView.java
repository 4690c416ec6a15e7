package dev.paperboy.digest;

import java.util.List;

/** What a digest shows, in the mail and on its web page. */
public record DigestView(String email, String periodLabel, List<Item> papers, String viewUrl,
                         String preferencesUrl, String unsubscribeUrl, String homeUrl) {

    /** One paper of the digest and why it is there. */
    public record Item(int number, String title, String authors, String summary, String link, String reason) {
    }

    public String countLabel() {
        return papers.size() == 1 ? "1 new paper" : papers.size() + " new papers";
    }
}
