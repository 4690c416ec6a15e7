package dev.paperboy.digest;

import dev.paperboy.system.PaperboyConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Wakes this node's senders for runs other nodes plan: a node's delivery loop starts on its own shards and on the
 * clock's pass, so a node that plans no shard of a run would otherwise leave its sending to the node that does. While
 * any run of the cluster is open, every few seconds, an idle loop looks for a digest it could claim and starts a pass.
 */
@ApplicationScoped
class DeliveryWake {

    private static final Logger LOG = Logger.getLogger(DeliveryWake.class);
    private static final String WORK = "select exists (select 1 from digest_run where state = 'running')"
            + " and exists (select 1 from digest_queue q join digest d on d.id = q.digest_id where " + Claims.CLAIMABLE
            + ")";

    private final AgroalDataSource dataSource;
    private final DeliveryPasses passes;
    private final Duration every;
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "digest-wake");
        thread.setDaemon(true);
        return thread;
    });

    DeliveryWake(AgroalDataSource dataSource, DeliveryPasses passes, PaperboyConfig config) {
        this.dataSource = dataSource;
        this.passes = passes;
        this.every = config.digest().wakeEvery();
    }

    void start(@Observes StartupEvent event) {
        if (!every.isZero() && !every.isNegative()) {
            clock.scheduleWithFixedDelay(this::look, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** One look: a pass when the loop is idle and an open run has a digest to claim. */
    void look() {
        try {
            if (!passes.busy() && workWaits()) {
                passes.request();
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not look for digests to send; looking again shortly", e);
        }
    }

    private boolean workWaits() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(WORK);
             ResultSet row = query.executeQuery()) {
            return row.next() && row.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look for digests to send", e);
        }
    }

    @PreDestroy
    void stop() {
        clock.shutdownNow();
    }
}
