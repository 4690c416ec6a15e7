package dev.paperboy.matching;

import dev.paperboy.paper.Paper;
import dev.paperboy.subscriber.interest.InterestLanguage;
import dev.paperboy.subscriber.interest.InterestRefused;
import dev.paperboy.subscriber.interest.ParsedInterest;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The marked title and snippet of a paper for an interest, remembered (by interest, paper and the paper's
 * revision): many people share interests, and a preview typed again asks the same again.
 */
@ApplicationScoped
class Explanations {

    static final int REMEMBERED = 20_000;
    /** Papers whose tokens are kept: a day's papers, each marked for every interest that brings it. */
    static final int TEXTS = 1_024;

    private final Map<String, Explanation> recent = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Explanation> eldest) {
            return size() > REMEMBERED;
        }
    };

    private final Map<String, Explainer.Text> texts = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Explainer.Text> eldest) {
            return size() > TEXTS;
        }
    };

    Explanation of(ParsedInterest interest, String reason, WindowPaper paper) {
        return of(interest, reason, paper.id(), paper.revision(), paper.title(), paper.abstractText());
    }

    /** For a paper of a stored digest: the interest as stored, the paper as it is now. */
    Explanation of(String interest, String reason, long paperId) {
        Paper paper = Paper.findById(paperId);
        if (paper == null) {
            throw new IllegalArgumentException("no paper " + paperId);
        }
        return of(interest, reason, paper);
    }

    /** As {@link #of(String, String, long)}, for a paper the caller already read (its id, revision, title, abstract). */
    Explanation of(String interest, String reason, Paper paper) {
        // an interest's explanation is remembered by its text as parsed (stripped), and parsing depends on nothing
        // else: one remembered needs no parse (a sender asks again for each new reason a paper comes with)
        String typed = interest == null ? "" : interest.strip();
        String paperKey = paperKey(paper.id, paper.revision);
        Explanation known;
        synchronized (recent) {
            known = recent.get(key(typed, paperKey));
        }
        if (known != null) {
            return known.because(reason);
        }
        ParsedInterest parsed;
        try {
            parsed = InterestLanguage.parse(typed);
        } catch (InterestRefused e) {
            String html = Explainer.html(paper.title);
            return new Explanation(reason, paper.title, html, paper.shortAbstract(Explainer.PLAIN_SNIPPET),
                    Explainer.html(paper.shortAbstract(Explainer.PLAIN_SNIPPET)));
        }
        return of(parsed, reason, paper.id, paper.revision, paper.title, paper.abstractText);
    }

    private Explanation of(ParsedInterest interest, String reason, long paperId, long revision, String title,
                           String abstractText) {
        String paperKey = paperKey(paperId, revision);
        String key = key(interest.text(), paperKey);
        Explanation known;
        synchronized (recent) {
            known = recent.get(key);
        }
        if (known == null) {
            known = Explainer.explain(interest, null, text(paperKey, title, abstractText));
            synchronized (recent) {
                recent.put(key, known);
            }
        }
        return known.because(reason);
    }

    private static String paperKey(long paperId, long revision) {
        return paperId + "\u0000" + revision;
    }

    private static String key(String interestText, String paperKey) {
        return interestText + '\u0000' + paperKey;
    }

    private Explainer.Text text(String paperKey, String title, String abstractText) {
        Explainer.Text text;
        synchronized (texts) {
            text = texts.get(paperKey);
        }
        if (text == null) {
            text = Explainer.Text.of(title, abstractText);
            synchronized (texts) {
                texts.put(paperKey, text);
            }
        }
        return text;
    }
}
