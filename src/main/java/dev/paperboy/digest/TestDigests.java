package dev.paperboy.digest;

import dev.paperboy.mail.MailFailure;
import dev.paperboy.mail.MailGateway;
import dev.paperboy.matching.MatchingService;
import dev.paperboy.subscriber.interest.ParsedInterest;
import dev.paperboy.system.PaperboyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * A digest of one interest for an address the operator types: the papers the preview ranks for it, in the mail a
 * subscriber would get, marked as a test and recorded nowhere (no subscriber, no digest row, no paper marked sent).
 */
@ApplicationScoped
public class TestDigests {

    private final MatchingService matching;
    private final DigestViews views;
    private final DigestMail mail;
    private final MailGateway gateway;
    private final PaperboyConfig config;

    TestDigests(MatchingService matching, DigestViews views, DigestMail mail, MailGateway gateway, PaperboyConfig config) {
        this.matching = matching;
        this.views = views;
        this.mail = mail;
        this.gateway = gateway;
        this.config = config;
    }

    /**
     * Sends it to {@code to}, a checked address, and says how many papers it held; none match, no mail (as for a
     * subscriber). A relay that refuses it throws, with its answer.
     */
    public int send(String to, ParsedInterest interest) throws MailFailure {
        DigestView view = compose(to, interest);
        if (view.papers().isEmpty()) {
            return 0;
        }
        gateway.sendOne(mail.composeTest(view));
        return view.papers().size();
    }

    @Transactional
    DigestView compose(String to, ParsedInterest interest) {
        List<MatchingService.Previewed> matches = matching.preview(interest, config.digest().maxPapers());
        return views.forTest(to, interest.text(), matches);
    }
}
