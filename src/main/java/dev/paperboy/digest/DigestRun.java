package dev.paperboy.digest;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One pass of the digest job: which periods it served, and when it started and ended. */
@Entity
@Table(name = "digest_run")
public class DigestRun extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String state;

    public boolean forced;

    @Column(name = "run_at")
    public Instant runAt;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    public String error;

    /** The node carrying the run out: its Quartz instance id and the boot it belongs to. */
    public String node;

    /** Subscribers whose digest could not be decided: the run ends failed, and a later pass tries them again. */
    public int undecided;
}
