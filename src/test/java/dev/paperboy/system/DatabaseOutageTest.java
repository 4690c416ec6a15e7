package dev.paperboy.system;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A database outage under a running node, as the log filter sees Quartz's, Agroal's and our own records. */
class DatabaseOutageTest {

    private final DatabaseOutageFilter filter = new DatabaseOutageFilter();
    private final AtomicBoolean reachable = new AtomicBoolean(false);
    private final List<LogRecord> lines = new ArrayList<>();
    private final Logger outageLog = Logger.getLogger(DatabaseOutage.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.INFO.intValue()) {
                lines.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void watch() {
        outageLog.addHandler(capture);
        DatabaseOutage.use(new DatabaseOutage.State(reachable::get));
    }

    @AfterEach
    void stop() {
        outageLog.removeHandler(capture);
        DatabaseOutage.use(null);
    }

    @Test
    void anOutageIsOneWarnLineWhateverLogsItThenOneInfoLineWhenTheDatabaseIsBack() throws Exception {
        Exception refused = new IllegalStateException("Could not look for digests to send", new PSQLException(
                "Connection to 127.0.0.1:18532 refused.", PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                new ConnectException("Connection refused")));
        Exception quartz = new RuntimeException("Failure obtaining db row lock: This connection has been closed.",
                new PSQLException("This connection has been closed.", PSQLState.CONNECTION_DOES_NOT_EXIST));
        for (int i = 0; i < 20; i++) {
            assertFalse(filter.isLoggable(record("dev.paperboy.digest.DeliveryWake", Level.WARNING, refused)));
            assertFalse(filter.isLoggable(record("org.quartz.core.ErrorLogger", Level.SEVERE, quartz)));
            assertFalse(filter.isLoggable(record("io.agroal.pool", Level.WARNING, null)));
        }
        assertEquals(1, lines.size(), lines.toString());
        assertEquals(Level.WARNING, lines.get(0).getLevel());
        String warn = String.format(lines.get(0).getMessage(), lines.get(0).getParameters());
        assertTrue(warn.contains("Connection refused") && warn.contains("DeliveryWake") && warn.contains("retries"), warn);
        assertTrue(lines.get(0).getThrown() == null, "no stack trace above DEBUG");
        assertTrue(DatabaseOutage.down());

        reachable.set(true);
        long end = System.currentTimeMillis() + 3 * DatabaseOutage.CHECK_EVERY.toMillis();
        while (DatabaseOutage.down() && System.currentTimeMillis() < end) {
            Thread.sleep(100);
        }
        assertFalse(DatabaseOutage.down(), "the outage ends by itself when the database answers");
        assertEquals(2, lines.size(), lines.toString());
        assertEquals(Level.INFO, lines.get(1).getLevel());

        // a later outage is announced again
        assertFalse(filter.isLoggable(record("org.quartz.core.ErrorLogger", Level.SEVERE, quartz)));
        assertEquals(3, lines.size());
    }

    @Test
    void otherErrorsAndAgroalOutsideAnOutageAreLoggedAsBefore() {
        SQLException badQuery = new PSQLException("ERROR: relation \"nope\" does not exist", PSQLState.UNDEFINED_TABLE);
        assertTrue(filter.isLoggable(record("org.quartz.core.ErrorLogger", Level.SEVERE, new RuntimeException(badQuery))));
        assertTrue(filter.isLoggable(record("io.agroal.pool", Level.WARNING, null)));
        assertTrue(lines.isEmpty());
        assertFalse(DatabaseOutage.down());
    }

    @Test
    void beforeTheNodeIsUpAFailureIsLoggedAsItComes() {
        DatabaseOutage.use(null); // a start without its database ends with the driver's own error
        Exception refused = new PSQLException("Connection refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT);
        assertTrue(filter.isLoggable(record("io.quarkus.runtime.Application", Level.SEVERE, refused)));
    }

    private static LogRecord record(String logger, Level level, Throwable error) {
        LogRecord record = new LogRecord(level, "something failed");
        record.setLoggerName(logger);
        record.setThrown(error);
        return record;
    }
}
