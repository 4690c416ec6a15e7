package dev.paperboy.system;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A data dir made by an older main opens with today's jar: branches land in any order, so a migration numbered below
 * one already applied (V9, V9.1, V10 and V12 landed after V11 and V13; V24 after V25) must still be applied to it.
 */
@QuarkusTest
class UpgradeMigrationTest {

    /** The migrations of main at f7f318f (2026-11-28 23:57), when V11 was there and V9 and V10 were not yet. */
    private static final List<String> AT_F7F318F = List.of("V1__quartz_tables.sql", "V2__paperboy.sql",
            "V3__digest_run_outcome.sql", "V3_1__paper_revision.sql", "V3_2__digest_decided_as_of.sql",
            "V5__paper_versions.sql", "V6__paper_sources.sql", "V8__signup_privacy.sql",
            "V11__subscriber_delete_cascades.sql");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Flyway flyway;

    @TempDir
    Path older;

    @Test
    void aDatabaseOfAnOlderMainGetsTheMigrationsThatLandedLaterUnderLowerNumbers() throws Exception {
        for (String file : AT_F7F318F) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("db/migration/" + file)) {
                Files.copy(in, older.resolve(file));
            }
        }
        String schema = "older_main_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try {
            Flyway.configure().dataSource(dataSource).schemas(schema).locations("filesystem:" + older).load().migrate();

            // what the app does at start, with its own settings, on that database
            Flyway today = Flyway.configure().configuration(flyway.getConfiguration()).dataSource(dataSource)
                    .schemas(schema).defaultSchema(schema).load();
            today.migrate();

            MigrationInfo[] pending = today.info().pending();
            assertEquals(0, pending.length, "still pending: " + Arrays.toString(pending));
            assertEquals(flyway.info().current().getVersion(), today.info().current().getVersion());
            assertTrue(Arrays.stream(today.info().applied())
                            .anyMatch(m -> m.getVersion() != null && "10".equals(m.getVersion().getVersion())),
                    "V10 applied after V11");
        } finally {
            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
                sql.execute("drop schema if exists " + schema + " cascade");
            }
        }
    }
}
