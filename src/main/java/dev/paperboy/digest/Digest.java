package dev.paperboy.digest;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The digest of one subscriber for one period: decided once, then delivered (or not) exactly once. */
@Entity
public class Digest extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "token_key")
    public String tokenKey;

    @Column(name = "subscriber_id")
    public long subscriberId;

    public String period;

    /** The subscriber's zone the period was named in: the same date in two zones is two periods. */
    public String zone;

    @Column(name = "run_id")
    public Long runId;

    public String state;

    @Column(name = "papers_since")
    public Instant papersSince;

    @Column(name = "papers_until")
    public Instant papersUntil;

    /** The moment the deciding run served; no later period is due before its own delivery moment passes this. */
    @Column(name = "decided_as_of")
    public Instant decidedAsOf;

    public int attempts;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    public static Optional<Digest> byTokenKey(String tokenKey) {
        return find("tokenKey", tokenKey).firstResultOptional();
    }

    /** The sent digests of a subscriber, newest first. */
    public static List<Digest> sentTo(long subscriberId, int limit) {
        return find("subscriberId = ?1 and state = 'sent' order by sentAt desc", subscriberId).page(0, limit).list();
    }
}
