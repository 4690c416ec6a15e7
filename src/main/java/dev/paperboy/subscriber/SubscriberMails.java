package dev.paperboy.subscriber;

import dev.paperboy.mail.MailBodies;
import dev.paperboy.mail.MailContent;
import dev.paperboy.mail.MailFailure;
import dev.paperboy.mail.MailGateway;
import dev.paperboy.system.Durations;
import dev.paperboy.system.PaperboyConfig;
import dev.paperboy.system.Secrets;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The mails of signing up: "confirm your address", or "you are already subscribed" with the preferences link. */
@ApplicationScoped
class SubscriberMails {

    private static final Logger LOG = Logger.getLogger(SubscriberMails.class);

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native TemplateInstance confirm(String confirmUrl, List<String> interests, String cadence, String homeUrl,
                                               String ttl);

        static native TemplateInstance alreadySubscribed(String preferencesUrl, String unsubscribeUrl, String homeUrl);
    }

    private final MailGateway gateway;
    private final SubscriberLinks links;
    private final Duration confirmTtl;

    SubscriberMails(MailGateway gateway, SubscriberLinks links, PaperboyConfig config) {
        this.gateway = gateway;
        this.links = links;
        this.confirmTtl = config.confirmTtl();
    }

    /** One attempt; true when the mail was handed over or can never be (the relay refused the address). */
    boolean trySend(Subscriber subscriber, SubscriptionService.SignupOutcome outcome) {
        MailContent mail = switch (outcome) {
            case CONFIRMATION_NEEDED -> content(subscriber, "Confirm your Paperboy subscription", "confirm",
                    MailBodies.render(() -> Templates.confirm(links.confirm(subscriber), subscriber.interestList(),
                            subscriber.cadence.name(), links.home(), Durations.words(confirmTtl))));
            case ALREADY_SUBSCRIBED -> content(subscriber, "You are already subscribed to Paperboy", "subscribed",
                    MailBodies.render(() -> Templates.alreadySubscribed(links.preferences(subscriber),
                            links.unsubscribe(subscriber), links.home())));
        };
        try {
            gateway.sendOne(mail);
            return true;
        } catch (MailFailure failure) {
            LOG.warnf("Could not send the %s mail to subscriber %d: %s", mail.kind(), subscriber.id, failure.getMessage());
            return failure.permanent();
        }
    }

    private MailContent content(Subscriber subscriber, String subject, String kind, MailBodies bodies) {
        String messageId = "<" + kind + "." + Secrets.randomToken(12) + "@" + gateway.senderDomain() + ">";
        return new MailContent(subscriber.email, subject, bodies.text(), bodies.html(), messageId,
                Map.of("Auto-Submitted", "auto-generated"), kind);
    }
}
