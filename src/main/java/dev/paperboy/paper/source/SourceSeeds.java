package dev.paperboy.paper.source;

import dev.paperboy.system.PaperboyConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Map;

/**
 * At start: writes the sources declared in configuration ({@code paperboy.sources.<name>.*}) to the database, where
 * they replace any source of the same name, and makes every source's Quartz job match it.
 */
@ApplicationScoped
class SourceSeeds {

    private static final Logger LOG = Logger.getLogger(SourceSeeds.class);

    void onStart(@Observes StartupEvent start, PaperboyConfig config, Sources sources, SourceMetrics metrics) {
        String userAgent = SourceHttp.userAgent(config.contact().orElse(null));
        for (Map.Entry<String, PaperboyConfig.SourceSeed> entry : config.sources().entrySet()) {
            PaperboyConfig.SourceSeed seed = entry.getValue();
            SourceSpec spec;
            try {
                spec = SourceSpec.of(entry.getKey(), seed.kind(), seed.url().orElse(null), seed.query().orElse(null),
                        seed.set().orElse(null), seed.every().orElse(null), seed.enabled());
            } catch (InvalidSource e) {
                throw new IllegalStateException("paperboy.sources." + entry.getKey() + ": " + e.getMessage(), e);
            }
            if (sources.save(spec, "config")) {
                LOG.infof("Added source %s (%s) from configuration", spec.name(), spec.kind().id());
            }
        }
        sources.reconcileJobs();
        metrics.refresh();
        if (config.contact().isEmpty() && !sources.list().isEmpty()) {
            LOG.warnf("PAPERBOY_CONTACT is not set: arXiv and other sources ask for a contact; requests say %s", userAgent);
        }
    }
}
