package dev.paperboy.subscriber;

import dev.paperboy.subscriber.LinkTokens.Purpose;
import dev.paperboy.subscriber.feedback.FeedbackSubject;
import dev.paperboy.system.BaseUrl;
import jakarta.enterprise.context.ApplicationScoped;

/** The personal links of a subscriber, each carrying a token for one purpose. */
@ApplicationScoped
public class SubscriberLinks {

    private final LinkTokens tokens;
    private final BaseUrl baseUrl;

    SubscriberLinks(LinkTokens tokens, BaseUrl baseUrl) {
        this.tokens = tokens;
        this.baseUrl = baseUrl;
    }

    public String confirm(Subscriber subscriber) {
        return link("/confirm/", Purpose.CONFIRM, subscriber);
    }

    public String preferences(Subscriber subscriber) {
        return link("/preferences/", Purpose.PREFERENCES, subscriber);
    }

    public String unsubscribe(Subscriber subscriber) {
        return link("/unsubscribe/", Purpose.UNSUBSCRIBE, subscriber);
    }

    /** "Download my data", under the preferences link. */
    public String data(Subscriber subscriber) {
        return preferences(subscriber) + "/data";
    }

    /** "Delete me", under the preferences link: a page that asks first. */
    public String deletion(Subscriber subscriber) {
        return preferences(subscriber) + "/delete";
    }

    public String feed(Subscriber subscriber) {
        return link("/feed/", Purpose.FEED, subscriber);
    }

    /** "More like this" or "less like this" on one paper of a digest: the token names subscriber, paper and choice. */
    public String feedback(Subscriber subscriber, long paperId, boolean more) {
        return baseUrl.to("/feedback/" + tokens.issue(Purpose.FEEDBACK, FeedbackSubject.of(subscriber.tokenKey, paperId, more)));
    }

    public String home() {
        return baseUrl.to("/");
    }

    private String link(String path, Purpose purpose, Subscriber subscriber) {
        return baseUrl.to(path + tokens.issue(purpose, subscriber.tokenKey));
    }
}
