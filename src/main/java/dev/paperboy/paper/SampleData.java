package dev.paperboy.paper;

import dev.paperboy.system.PaperboyConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads the bundled 62 trending papers on the first start, so a new install has something to match. */
@ApplicationScoped
public class SampleData {

    private static final Logger LOG = Logger.getLogger(SampleData.class);
    static final String RESOURCE = "sample/trending-papers.json";

    @jakarta.transaction.Transactional
    void onStart(@Observes StartupEvent start, PaperboyConfig config, PaperJsonParser parser, PaperImporter importer) {
        if (!config.sampleData() || Paper.count() > 0) {
            return;
        }
        try (InputStream json = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            ParsedPapers parsed = parser.parse(json);
            ImportResult result = importer.importPapers(new ParsedPapers("sample", parsed.entries()));
            LOG.infof("Loaded the sample papers: %d added", result.added());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
