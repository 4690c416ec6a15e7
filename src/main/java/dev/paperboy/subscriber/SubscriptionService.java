package dev.paperboy.subscriber;

import dev.paperboy.paper.ImportResult;
import dev.paperboy.system.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Every change to a subscription: sign-up, confirmation, preferences, leaving, and an operator's import. */
@ApplicationScoped
public class SubscriptionService {

    /** What a sign-up leads to; the page shown is the same either way. */
    public enum SignupOutcome { CONFIRMATION_NEEDED, ALREADY_SUBSCRIBED }

    /** The outcome, the subscriber to write to, and whether a mail may go out (the hourly allowance is not spent). */
    public record Signup(SignupOutcome outcome, Subscriber subscriber, boolean mail) {
    }

    /** At most this many sign-up mails to one address in an hour. */
    public static final int SIGNUP_MAILS_PER_HOUR = 3;

    /** An operator's subscriber: {@code email, interests[], cadence?, hour?, timezone?, weekday?, papers?, trending?}. */
    public record ImportedSubscriber(String email, List<String> interests, String cadence, String hour, String timezone,
                                     String weekday, String papers, boolean trending) {

        public ImportedSubscriber(String email, List<String> interests, String cadence, String hour, String timezone,
                                  String weekday) {
            this(email, interests, cadence, hour, timezone, weekday, null, false);
        }
    }

    private static final Logger LOG = Logger.getLogger(SubscriptionService.class);

    private final SignupMailQueue mails;
    private final SubscriberImport bulkImport;
    private final Event<InterestsSaved> interestsSaved;

    SubscriptionService(SignupMailQueue mails, SubscriberImport bulkImport, Event<InterestsSaved> interestsSaved) {
        this.mails = mails;
        this.bulkImport = bulkImport;
        this.interestsSaved = interestsSaved;
    }

    /**
     * A new address waits for confirmation; a pending one gets its choices replaced and a new mail; one that left
     * starts over with fresh links; an active one is left alone (only its owner may change it, from their mail).
     * The mail the sign-up calls for is queued in the same transaction and sent after the answer, the same way for
     * a known address as for a new one; {@code clientAddress} (null unless the operator keeps it) is stored with a
     * pending sign-up.
     */
    @Transactional
    public Signup signUp(String email, SubscriptionChoices choices, String clientAddress) {
        Subscriber.Claimed claimed = Subscriber.claim(email, Subscriber.State.pending);
        Subscriber subscriber = claimed.subscriber();
        if (!claimed.created()) {
            switch (subscriber.state) {
                case active, paused -> {
                    return queued(new Signup(SignupOutcome.ALREADY_SUBSCRIBED, subscriber, allowMail(subscriber)));
                }
                case unsubscribed, bounced -> { // a confirmation that arrives shows the mailbox works again
                    subscriber.tokenKey = Secrets.randomToken(16);
                    subscriber.unsubscribedAt = null;
                    subscriber.state = Subscriber.State.pending;
                }
                case pending -> {
                }
            }
        }
        subscriber.email = email;
        subscriber.apply(choices);
        subscriber.confirmRequestedAt = Instant.now();
        subscriber.signupIp = clientAddress;
        interestsSaved.fire(new InterestsSaved(choices.interests()));
        return queued(new Signup(SignupOutcome.CONFIRMATION_NEEDED, subscriber, allowMail(subscriber)));
    }

    private Signup queued(Signup signup) {
        if (signup.mail()) {
            mails.enqueue(signup.subscriber().id, signup.outcome());
        } else {
            LOG.infof("Subscriber %d had %d sign-up mails this hour: no more", signup.subscriber().id,
                    SIGNUP_MAILS_PER_HOUR);
        }
        return signup;
    }

    /** Spends one of the address's sign-up mails for this hour, if any is left. */
    private static boolean allowMail(Subscriber subscriber) {
        Instant now = Instant.now();
        if (subscriber.signupMailsSince == null || subscriber.signupMailsSince.isBefore(now.minus(Duration.ofHours(1)))) {
            subscriber.signupMailsSince = now;
            subscriber.signupMails = 0;
        }
        if (subscriber.signupMails >= SIGNUP_MAILS_PER_HOUR) {
            return false;
        }
        subscriber.signupMails++;
        return true;
    }

    /**
     * Confirms a pending subscription whose link has not expired; an active or paused one stays as it is; one that
     * left cannot be confirmed.
     */
    @Transactional
    public Optional<Subscriber> confirm(String tokenKey, Duration ttl) {
        return Subscriber.byTokenKey(tokenKey)
                .filter(s -> s.state != Subscriber.State.unsubscribed && !s.confirmationExpired(ttl, Instant.now()))
                .map(s -> {
                    if (s.state == Subscriber.State.pending) {
                        s.state = Subscriber.State.active;
                        s.confirmedAt = Instant.now();
                    }
                    return s;
                });
    }

    @Transactional
    public Optional<Subscriber> unsubscribe(String tokenKey) {
        return Subscriber.byTokenKey(tokenKey).map(s -> {
            if (s.state != Subscriber.State.unsubscribed) {
                s.state = Subscriber.State.unsubscribed;
                s.unsubscribedAt = Instant.now();
            }
            return s;
        });
    }

    /** New choices, and paused or not; a subscription that left or was never confirmed is not changed. */
    @Transactional
    public Optional<Subscriber> updatePreferences(String tokenKey, SubscriptionChoices choices, boolean paused) {
        return Subscriber.byTokenKey(tokenKey)
                .filter(s -> s.state == Subscriber.State.active || s.state == Subscriber.State.paused)
                .map(s -> {
                    s.apply(choices);
                    interestsSaved.fire(new InterestsSaved(choices.interests()));
                    s.state = paused ? Subscriber.State.paused : Subscriber.State.active;
                    return s;
                });
    }

    /** An operator's pause: an active subscription gets no digest until its owner resumes it; false if there is none. */
    @Transactional
    public boolean pauseByOperator(long id) {
        return Subscriber.<Subscriber>findByIdOptional(id).map(s -> {
            if (s.state == Subscriber.State.active) {
                s.state = Subscriber.State.paused;
            }
            return s;
        }).isPresent();
    }

    /** An operator's unsubscribe, as if the owner had used their link; false if there is no such subscriber. */
    @Transactional
    public boolean unsubscribeByOperator(long id) {
        return Subscriber.<Subscriber>findByIdOptional(id).map(s -> unsubscribe(s.tokenKey)).isPresent();
    }

    /**
     * Forgets a subscriber: their row, and through the schema's cascades every row about them (digests and their
     * papers), so the address is nowhere in the database and their links lead nowhere; false if there was none.
     */
    @Transactional
    public boolean delete(long id) {
        return Subscriber.deleteById(id);
    }

    public Optional<Subscriber> find(String tokenKey) {
        return Subscriber.byTokenKey(tokenKey);
    }

    /**
     * Subscribers an operator vouches for are active at once; an address already known is left as it is. Checked
     * whole first, then written a chunk per transaction, so a list of 100,000 goes in within seconds.
     */
    public ImportResult importSubscribers(List<ImportedSubscriber> people) {
        return bulkImport.importAll(people);
    }
}
