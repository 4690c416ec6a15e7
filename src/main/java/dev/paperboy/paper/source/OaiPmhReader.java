package dev.paperboy.paper.source;

import dev.paperboy.paper.ParsedPapers;
import dev.paperboy.paper.format.PaperFormat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

/**
 * An OAI-PMH harvest: {@code ListRecords} in arXiv's metadata format for a set, from the day the last complete
 * harvest started, following {@code resumptionToken} to the end. {@code from} moves with the last page only, so a
 * harvest that fails half-way is done again from the same day (its papers already stored count as duplicates).
 */
final class OaiPmhReader implements SourceReader {

    private static final String XML = "application/xml, text/xml;q=0.9";

    private final Duration firstHarvestBack;

    /** {@code firstHarvestBack}: how far back the very first harvest of a source reaches. */
    OaiPmhReader(Duration firstHarvestBack) {
        this.firstHarvestBack = firstHarvestBack;
    }

    @Override
    public void read(Poll poll) throws PollFailure {
        PaperSource source = poll.source;
        LocalDate started = LocalDate.now(ZoneOffset.UTC);
        LocalDate from = source.harvestFrom != null ? source.harvestFrom
                : started.minusDays(Math.max(1, (firstHarvestBack.toHours() + 23) / 24));
        URI uri = URI.create(source.url + separator(source) + "verb=ListRecords&metadataPrefix=arXiv&from=" + from
                + (source.set == null ? "" : "&set=" + encode(source.set)));
        Set<String> tokens = new HashSet<>();
        while (true) {
            ParsedPapers page = poll.parse(PaperFormat.OAI_PMH, poll.fetch(uri, XML, false));
            String token = page.resumptionToken() == null || page.resumptionToken().isBlank() ? null : page.resumptionToken();
            if (token != null && !tokens.add(token)) {
                throw new PollFailure("the OAI-PMH server repeated the resumptionToken " + token);
            }
            poll.store(page, token != null ? stored -> { } : stored -> stored.harvestFrom = started);
            if (token == null) {
                return;
            }
            uri = URI.create(source.url + separator(source) + "verb=ListRecords&resumptionToken=" + encode(token));
        }
    }

    private static String separator(PaperSource source) {
        return source.url.contains("?") ? "&" : "?";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
