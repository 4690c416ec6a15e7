package dev.paperboy.subscriber.feedback;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a feedback link names: the subscriber (by the key of their links), one paper, and "more" or "less" like it. */
public record FeedbackSubject(String subscriberKey, long paperId, boolean more) {

    private static final Pattern FORM = Pattern.compile("([A-Za-z0-9_-]{1,32})~([0-9]{1,18})~(more|less)");

    /** The subject a feedback token is issued for: {@code key~paper~more} (no dot, which ends a token's subject). */
    public static String of(String subscriberKey, long paperId, boolean more) {
        return subscriberKey + "~" + paperId + "~" + (more ? "more" : "less");
    }

    /** The subject of a genuine token, read back; empty for one of another shape. */
    static Optional<FeedbackSubject> parse(String subject) {
        Matcher m = FORM.matcher(subject);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new FeedbackSubject(m.group(1), Long.parseLong(m.group(2)), "more".equals(m.group(3))));
    }
}
