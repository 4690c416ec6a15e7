package dev.paperboy.subscriber;

import dev.paperboy.paper.Paper;
import dev.paperboy.system.Secrets;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.List;

/**
 * The sign-up page. The blank form is the busiest page and the same for every visitor but for its CSRF token, so it
 * is rendered once in a while and the visitor's token is put into the kept copy; the newest papers below it are at
 * most {@link #FRESH} old.
 */
@ApplicationScoped
class SignupPage {

    static final Duration FRESH = Duration.ofSeconds(30);
    static final int NEWEST = 8;

    /** Stands in for the token in the kept copy; random, so no typed text can pose as it. */
    private final String marker = "csrf-slot-" + Secrets.randomToken(16);
    private volatile Kept kept;

    /** The copy around the token, and when it was rendered ({@link System#nanoTime}). */
    private record Kept(String head, String tail, long renderedAt) {
    }

    /** The blank form carrying {@code csrfToken}. */
    String blank(String csrfToken) {
        Kept page = kept;
        if (page == null || System.nanoTime() - page.renderedAt > FRESH.toNanos()) {
            String html = SignupResource.Templates.form(ChoicesForm.empty(), newest(), marker, List.of()).render();
            int at = html.indexOf(marker);
            page = new Kept(html.substring(0, at), html.substring(at + marker.length()), System.nanoTime());
            kept = page;
        }
        return page.head + csrfToken + page.tail;
    }

    /** The form as typed, with its messages and what its interests would bring (when asked). */
    TemplateInstance typed(ChoicesForm form, String csrfToken, List<InterestPreview> previews) {
        return SignupResource.Templates.form(form, newest(), csrfToken, previews);
    }

    private static List<NewestPaper> newest() {
        return Paper.newest(NEWEST).stream().map(NewestPaper::of).toList();
    }
}
