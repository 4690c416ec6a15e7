package dev.paperboy.subscriber;

import dev.paperboy.system.Secrets;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A person who signed up, with what they follow and when they want to hear about it. */
@Entity
public class Subscriber extends PanacheEntityBase {

    private static final Map<String, ZoneId> ZONES = new ConcurrentHashMap<>();

    /** Where a subscription stands. */
    public enum State { pending, active, paused, bounced, unsubscribed }

    /** How often a digest goes out. */
    public enum Cadence { daily, weekly }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "token_key")
    public String tokenKey;

    public String email;

    @Column(name = "email_key")
    public String emailKey;

    @Enumerated(EnumType.STRING)
    public State state;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] interests;

    @Enumerated(EnumType.STRING)
    public Cadence cadence;

    public int hour;

    public String timezone;

    /** The day of the week a weekly digest goes out, ISO numbered: 1 Monday ... 7 Sunday. */
    @Column(name = "weekday")
    public int weekdayNumber = 1;

    /** How many papers a digest mail shows (5 to 30); the digest's page lists all. */
    public int papers = SubscriptionChoices.DEFAULT_PAPERS;

    /** Whether the period's most upvoted papers come too (then no interest is required). */
    public boolean trending;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "unsubscribed_at")
    public Instant unsubscribedAt;

    @Column(name = "signup_mails")
    public int signupMails;

    @Column(name = "signup_mails_since")
    public Instant signupMailsSince;

    /** When the newest confirmation mail was asked for; its link works until PAPERBOY_CONFIRM_TTL after. */
    @Column(name = "confirm_requested_at")
    public Instant confirmRequestedAt;

    /** The sign-up's client address, kept only with PAPERBOY_RECORD_SIGNUP_IP=true. */
    @Column(name = "signup_ip")
    public String signupIp;

    /** When mail to this address bounced for good (see SubscriberBounces); null while it has not. */
    @Column(name = "bounced_at")
    public Instant bouncedAt;

    /** Why it bounced, as the relay or the notification put it, for the operator. */
    @Column(name = "bounce_reason")
    public String bounceReason;

    public static Optional<Subscriber> byEmail(String email) {
        return find("emailKey", emailKey(email)).firstResultOptional();
    }

    /**
     * The one row of this address, locked until the transaction ends, created in {@code state} when there is none.
     * Concurrent callers for one address wait for each other here (the unique key settles who creates it), so what
     * they read and change next, the sign-up mail allowance included, is never read and changed twice at once.
     * A new row's choices are still to be applied.
     */
    static Claimed claim(String email, State state) {
        int inserted = getEntityManager().createNativeQuery("""
                        insert into subscriber (token_key, email, email_key, state, interests, cadence, hour, timezone)
                        values (?1, ?2, ?3, ?4, '{}', 'daily', 0, 'UTC')
                        on conflict (email_key) do nothing""")
                .setParameter(1, Secrets.randomToken(16)).setParameter(2, email).setParameter(3, emailKey(email))
                .setParameter(4, state.name()).executeUpdate();
        Subscriber row = Subscriber.<Subscriber>find("emailKey", emailKey(email))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        return new Claimed(row, inserted == 1);
    }

    /** The locked row of an address, and whether this transaction created it. */
    record Claimed(Subscriber subscriber, boolean created) {
    }

    public static Optional<Subscriber> byTokenKey(String tokenKey) {
        return find("tokenKey", tokenKey).firstResultOptional();
    }

    static String emailKey(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    /** A sign-up waiting for confirmation whose link is older than {@code ttl}. */
    public boolean confirmationExpired(java.time.Duration ttl, Instant now) {
        return state == State.pending && confirmRequestedAt != null && confirmRequestedAt.plus(ttl).isBefore(now);
    }

    public List<String> interestList() {
        return List.of(interests);
    }

    /** The subscriber's time zone; each id is parsed once (planning asks for every due subscriber's, a run's few ids). */
    public ZoneId zone() {
        ZoneId zone = ZONES.get(timezone);
        if (zone == null) {
            zone = ZoneId.of(timezone);
            if (ZONES.size() < 1_000) {
                ZONES.put(timezone, zone);
            }
        }
        return zone;
    }

    public DayOfWeek weekday() {
        return DayOfWeek.of(weekdayNumber);
    }

    public void apply(SubscriptionChoices choices) {
        interests = choices.interests().toArray(String[]::new);
        cadence = choices.cadence();
        hour = choices.hour();
        timezone = choices.timezone();
        weekdayNumber = choices.weekday().getValue();
        papers = choices.papers();
        trending = choices.trending();
    }
}
