package dev.paperboy.system;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

import java.nio.file.Path;

/** Entry point: starts the embedded PostgreSQL when no external database is configured, then Quarkus. */
@QuarkusMain
public class PaperboyMain {

    public static void main(String... args) throws Exception {
        if (setting("QUARKUS_DATASOURCE_JDBC_URL", "quarkus.datasource.jdbc.url") == null) {
            String dataDir = setting("PAPERBOY_DATA_DIR", "paperboy.data-dir");
            EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(dataDir == null ? "data" : dataDir));
            database.exportAsQuarkusDatasource();
            Runtime.getRuntime().addShutdownHook(new Thread(database::stop, "embedded-postgres-stop"));
        }
        Quarkus.run(args);
    }

    private static String setting(String environmentVariable, String systemProperty) {
        String value = System.getProperty(systemProperty);
        if (value == null || value.isBlank()) {
            value = System.getenv(environmentVariable);
        }
        return value == null || value.isBlank() ? null : value;
    }
}
