package dev.paperboy.digest;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Every few minutes (one node of the cluster at a time): digests for whoever's hour has come, and due retries. */
@ApplicationScoped
class DigestSchedule {

    private final DigestRunner runner;

    DigestSchedule(DigestRunner runner) {
        this.runner = runner;
    }

    @Scheduled(identity = "digest-tick", cron = "${paperboy.digest.schedule}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        runner.tick(Instant.now());
    }
}
