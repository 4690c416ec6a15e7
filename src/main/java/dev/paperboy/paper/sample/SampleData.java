package dev.paperboy.paper.sample;

import dev.paperboy.paper.ImportResult;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperImporter;

import dev.paperboy.system.PaperboyConfig;
import dev.paperboy.paper.format.PaperFormat;
import dev.paperboy.paper.format.PaperFormats;
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
    void onStart(@Observes StartupEvent start, PaperboyConfig config, PaperFormats formats, PaperImporter importer) {
        if (!config.sampleData() || Paper.count() > 0) {
            return;
        }
        try (InputStream json = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            ImportResult result = importer.importPapers(formats.parse(PaperFormat.PAPERBOY_JSON, json).from("sample"));
            LOG.infof("Loaded the sample papers: %d added", result.added());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
