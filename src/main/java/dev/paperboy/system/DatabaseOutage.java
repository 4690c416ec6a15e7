package dev.paperboy.system;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A running node's view of its database going away and coming back: one WARN line when it goes (what failed, that
 * Paperboy retries by itself), one INFO line when it is back; the errors between are DEBUG (see DatabaseOutageFilter).
 */
@ApplicationScoped
public class DatabaseOutage {

    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class);
    static final Duration CHECK_EVERY = Duration.ofSeconds(5);

    private static volatile State state;

    /** Starts watching once the node is up: a start without its database still fails with the driver's own error. */
    void onStart(@Observes StartupEvent start, AgroalDataSource dataSource) {
        state = new State(() -> reachable(dataSource));
    }

    void onStop(@Observes ShutdownEvent stop) {
        State current = state;
        state = null;
        if (current != null) {
            current.clock.shutdownNow();
        }
    }

    /** Whether this node is up and watching; before that, errors are logged as they come. */
    static boolean watching() {
        return state != null;
    }

    /** Records a failure to reach the database; true when it begins an outage (and the WARN line was written). */
    static boolean failed(String where, Throwable error) {
        State current = state;
        return current != null && current.failed(where, error);
    }

    /** Whether {@code error} or one of its causes says the database cannot be reached (not a bad query). */
    public static boolean isConnectionFailure(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true; // connection exception; admin or crash shutdown, cannot connect now
            }
        }
        return false;
    }

    /** The innermost message of the chain: the one that names the host, port or reason. */
    static String rootMessage(Throwable error) {
        String message = String.valueOf(error.getMessage());
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause.getMessage() != null) {
                message = cause.getMessage();
            }
        }
        return message;
    }

    private static boolean reachable(AgroalDataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** One node's outage state; package-private for the test, which gives its own check. */
    static final class State {
        private final BooleanSupplier check;
        private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "database-outage");
            thread.setDaemon(true);
            return thread;
        });
        private Instant since;

        State(BooleanSupplier check) {
            this.check = check;
        }

        synchronized boolean failed(String where, Throwable error) {
            if (since != null) {
                LOG.debugf(error, "The database is still unreachable (%s)", where);
                return false;
            }
            since = Instant.now();
            LOG.warnf("The database cannot be reached (%s, in %s): Paperboy retries by itself and goes on when it is"
                    + " back; until then the errors are logged at DEBUG (category %s)", rootMessage(error), where,
                    DatabaseOutage.class.getName());
            LOG.debug("The first error of the outage", error);
            clock.schedule(this::checkBack, CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        }

        synchronized boolean down() {
            return since != null;
        }

        /** Looks every few seconds until the database answers, then writes the INFO line and ends the outage. */
        void checkBack() {
            if (!check.getAsBoolean()) {
                clock.schedule(this::checkBack, CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
                return;
            }
            synchronized (this) {
                LOG.infof("The database is reachable again, after %d s", Duration.between(since, Instant.now())
                        .toSeconds());
                since = null;
            }
        }
    }

    /** Whether an outage is going on. */
    static boolean down() {
        State current = state;
        return current != null && current.down();
    }

    /** For the test: a state with its own check in place of the database's. */
    static void use(State test) {
        state = test;
    }
}
