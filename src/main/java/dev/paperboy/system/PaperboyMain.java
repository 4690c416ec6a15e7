package dev.paperboy.system;

import io.quarkus.runtime.Application;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.smallrye.config.PropertiesLocationConfigSourceFactory;
import io.smallrye.config.SmallRyeConfig;

import java.nio.file.Path;
import java.time.Duration;

/** Entry point: starts the embedded PostgreSQL when Quarkus' configuration names no database, then Quarkus. */
@QuarkusMain
public class PaperboyMain {

    static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    private static final Duration QUARKUS_STOP_WAIT = Duration.ofSeconds(60);

    public static void main(String... args) {
        SmallRyeConfig config = quarkusConfig();
        if (config.getOptionalValue(JDBC_URL, String.class).isEmpty()) {
            String dataDir = config.getOptionalValue("paperboy.data-dir", String.class).orElse(PaperboyConfig.DEFAULT_DATA_DIR);
            EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(dataDir));
            database.exportAsQuarkusDatasource();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                awaitQuarkusStopped();
                database.stop();
                // Quarkus has closed its log handlers by now
                System.out.println("Embedded PostgreSQL stopped");
            }, "embedded-postgres-stop"));
        }
        Quarkus.run(args);
    }

    /**
     * The configuration as Quarkus reads it at run time, from every source and with the active profile: system
     * properties, environment, {@code .env} and {@code config/application.properties} in the working directory,
     * {@code quarkus.config.locations}, the packaged application.properties. An operator's database named in any of
     * them is the one used; the embedded server only fills the gap when none names one.
     */
    static SmallRyeConfig quarkusConfig() {
        return ConfigUtils.configBuilder().withSources(new PropertiesLocationConfigSourceFactory()).build();
    }

    /** Shutdown hooks run all at once: the database waits for Quarkus to finish its last work on it. */
    private static void awaitQuarkusStopped() {
        Application application = Application.currentApplication();
        if (application == null) {
            return;
        }
        Thread waiter = new Thread(application::awaitShutdown, "await-quarkus-stop");
        waiter.setDaemon(true);
        waiter.start();
        try {
            waiter.join(QUARKUS_STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
