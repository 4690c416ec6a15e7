package dev.paperboy.system;

import io.quarkus.logging.LoggingFilter;

import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Keeps a database outage to one WARN line: once the node is up, any record (Quartz's, Agroal's or ours) whose error
 * says the database cannot be reached is handed to DatabaseOutage instead of being printed with its stack trace.
 */
@LoggingFilter(name = "database-outage")
public final class DatabaseOutageFilter implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        if (!DatabaseOutage.watching() || record.getLevel().intValue() < Level.WARNING.intValue()
                || DatabaseOutage.class.getName().equals(record.getLoggerName())) {
            return true;
        }
        Throwable error = record.getThrown();
        if (error != null && DatabaseOutage.isConnectionFailure(error)) {
            DatabaseOutage.failed(where(record), error);
            return false;
        }
        // Agroal's one-line warnings while it is down (a pooled connection found closed, none to be had)
        String logger = record.getLoggerName();
        return !(DatabaseOutage.down() && logger != null && logger.startsWith("io.agroal"));
    }

    private static String where(LogRecord record) {
        String logger = record.getLoggerName() == null ? "?" : record.getLoggerName();
        return logger.substring(logger.lastIndexOf('.') + 1);
    }
}
