package dev.paperboy.paper.source;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One configured paper source: its definition, where its next poll starts, and how its polls went. */
@Entity
@Table(name = "paper_source")
public class PaperSource extends PanacheEntityBase {

    @Id
    public String name;

    public String kind;

    public String url;

    public String query;

    @Column(name = "set_spec")
    public String set;

    @Column(name = "every_seconds")
    public Long everySeconds;

    public boolean enabled;

    public String origin;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "changed_at")
    public Instant changedAt;

    public String etag;

    @Column(name = "last_modified")
    public String lastModified;

    @Column(name = "harvest_from")
    public LocalDate harvestFrom;

    @Column(name = "last_poll_at")
    public Instant lastPollAt;

    @Column(name = "last_success_at")
    public Instant lastSuccessAt;

    @Column(name = "last_error_at")
    public Instant lastErrorAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "last_added")
    public Integer lastAdded;

    @Column(name = "total_added")
    public long totalAdded;

    /** Entries the last poll rejected, and why (one reason a line, the first few). */
    @Column(name = "last_rejected")
    public Integer lastRejected;

    @Column(name = "last_rejections")
    public String lastRejections;

    public int failures;

    @Column(name = "not_before")
    public Instant notBefore;

    @Column(name = "lease_holder")
    public String leaseHolder;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    public static List<PaperSource> all() {
        return list("order by name");
    }

    public SourceKind sourceKind() {
        return SourceKind.of(kind);
    }

    public Duration every() {
        return everySeconds == null ? null : Duration.ofSeconds(everySeconds);
    }

    /** The definition as the operator gave it (with defaults filled in). */
    SourceSpec spec() {
        return new SourceSpec(name, sourceKind(), url, query, set, every(), enabled);
    }
}
