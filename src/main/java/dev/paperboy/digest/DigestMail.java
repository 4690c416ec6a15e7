package dev.paperboy.digest;

import dev.paperboy.mail.BodyWriter;
import dev.paperboy.mail.MailBodies;
import dev.paperboy.mail.MailContent;
import dev.paperboy.mail.MailGateway;
import dev.paperboy.subscriber.Subscriber;
import dev.paperboy.system.Secrets;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;

/** One subscriber's digest as a mail, with the one-click unsubscribe headers of RFC 8058. */
@ApplicationScoped
class DigestMail {

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native TemplateInstance digest(DigestView digest, PaperBlocks.Filled blocks);

        static native TemplateInstance digestPaper(DigestView.Item paper);
    }

    private final MailGateway gateway;
    private final PaperBlocks blocks = new PaperBlocks(DigestMail::paperBodies, PaperBlocks.REMEMBERED);
    private final DigestLayouts layouts = new DigestLayouts(DigestMail::rendered);

    DigestMail(MailGateway gateway) {
        this.gateway = gateway;
    }

    /** The mail of a digest, from its view (a sender reads the views of a batch together). */
    MailContent compose(Digest digest, Subscriber subscriber, DigestView view) {
        return compose(digest, subscriber, view, true);
    }

    /** The mail of a digest, its bodies written from their shared pieces, or (not {@code pieces}) made whole. */
    MailContent compose(Digest digest, Subscriber subscriber, DigestView view, boolean pieces) {
        // Gmail clips a mail past ~102 KB and hides its footer: the papers that do not fit are left to the web page
        // and the subscriber's own number of papers (5 to 30) is the most it shows: all of them are on the page
        DigestView theirs = view.papers().size() > subscriber.papers ? view.firstPapers(subscriber.papers) : view;
        int count = theirs.papers().size();
        return gateway.fitting(content(digest, subscriber, theirs.firstPapers(count), pieces),
                shown -> content(digest, subscriber, theirs.firstPapers(shown), pieces), count);
    }

    private MailContent content(Digest digest, Subscriber subscriber, DigestView view, boolean pieces) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + view.unsubscribeUrl() + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        headers.put("List-Id", "Paperboy digest <digest." + gateway.senderDomain() + ">");
        headers.put("Auto-Submitted", "auto-generated");
        String subject = "Paperboy: " + view.countLabel() + " for " + DigestViews.periodLabel(digest.period);
        // one per digest row, the same on every retry; the period alone repeats when the person changes zone
        String messageId = "<digest." + subscriber.id + "." + digest.period + "." + digest.id + "@"
                + gateway.senderDomain() + ">";
        BodyWriter text = BodyWriter.text(12_000);
        BodyWriter html = BodyWriter.html(24_000);
        if (pieces && write(view, text, html)) {
            return new MailContent(subscriber.email, subject, () -> bodies(view), text, html, messageId, headers,
                    "digest");
        }
        MailBodies bodies = bodies(view);
        return new MailContent(subscriber.email, subject, bodies.text(), bodies.html(), messageId, headers, "digest");
    }

    /**
     * Writes both bodies of the mail showing this view as they go out, the pieces its papers' blocks and layout share
     * with other mails as they were encoded once; false when this view's mail is made whole instead.
     */
    boolean write(DigestView view, BodyWriter text, BodyWriter html) {
        return layouts.write(view, blocks.parts(view.papers()), text, html);
    }

    /**
     * Both bodies of the mail showing this view: its papers' blocks and its layout each rendered once for every mail
     * that shows them.
     */
    MailBodies bodies(DigestView view) {
        return layouts.of(view, blocks.of(view.papers()));
    }

    /** The whole mail around these blocks, as its templates render it. */
    static MailBodies rendered(DigestView view, PaperBlocks.Filled blocks) {
        return MailBodies.render(() -> Templates.digest(view, blocks));
    }

    /** One paper's block of a digest mail, as its template renders it. */
    static MailBodies paperBodies(DigestView.Item paper) {
        return MailBodies.render(() -> Templates.digestPaper(paper));
    }

    /**
     * A test digest: the same template, marked as a test in subject and body; no unsubscribe headers, as there is no
     * subscription, and a Message-ID of its own each time.
     */
    MailContent composeTest(DigestView view) {
        return gateway.largestFitting(shown -> testContent(view.firstPapers(shown)), view.papers().size());
    }

    private MailContent testContent(DigestView view) {
        MailBodies bodies = bodies(view);
        String messageId = "<test-digest." + Secrets.randomToken(16) + "@" + gateway.senderDomain() + ">";
        return new MailContent(view.email(), "[Test] Paperboy: " + view.countLabel(), bodies.text(), bodies.html(),
                messageId, Map.of("Auto-Submitted", "auto-generated"), "test");
    }
}
