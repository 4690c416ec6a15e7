package dev.paperboy.digest;

import io.agroal.api.AgroalDataSource;
import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A schema of its own for a migration test: Flyway takes it up to a version, the test writes an old installation's
 * rows, then Flyway takes it to the latest version; the shared test database is untouched, and the schema is dropped.
 */
final class MigrationSchema implements AutoCloseable {

    /** Work on a connection whose search path is the schema. */
    interface Work {
        void run(Statement sql) throws SQLException;
    }

    private final AgroalDataSource dataSource;
    final String name;

    MigrationSchema(AgroalDataSource dataSource, String prefix) {
        this.dataSource = dataSource;
        this.name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** Migrates the schema up to {@code target} ("latest" for every migration). */
    void migrate(String target) {
        Flyway.configure().dataSource(dataSource).schemas(name).locations("classpath:db/migration").target(target)
                .load().migrate();
    }

    /** Runs on a pooled connection whose search path is the schema, and puts it back before the pool has it again. */
    void run(Work work) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("set search_path to " + name);
            try {
                work.run(sql);
            } finally {
                sql.execute("set search_path to default");
            }
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("drop schema if exists " + name + " cascade");
        }
    }
}
