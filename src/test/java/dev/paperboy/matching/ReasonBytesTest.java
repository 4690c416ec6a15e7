package dev.paperboy.matching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.matching.semantic.MiniLm;
import dev.paperboy.subscriber.interest.InterestLanguage;
import dev.paperboy.subscriber.interest.InterestRefused;
import dev.paperboy.subscriber.interest.ParsedInterest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The reasons of the sample papers' digests for every judged interest alone and for each next two together (so that
 * "Also matches" is worded too), asked twice over as a run asks them again for each follower, stay byte for byte what
 * main 1d8138b wrote, before reasons were kept by the words they name: a SHA-256 of every reason, in order. Recorded
 * again with session 14's cut for an interest's alternatives ({@link Fusion#ALTERNATIVES_RELATIVE}), which brings more
 * papers (1,554 reasons); with that cut at {@link Fusion#RELATIVE}, the reasons were still 1d8138b's. Recorded again
 * with session 15's alternatives scored as the best of them ({@link Alternatives}), which brings other papers (1,566
 * reasons); with them scored as their sum again, the reasons were still the previous record's. Recorded again with
 * session 16's share of a few keywords asked of a paper brought by meaning alone ({@link OtherWords#KEYWORD_WORDS}
 * 0.4), which brings fewer papers (1,532 reasons); with it at 0.3 again, the reasons were still the previous record's.
 * Recorded again with session 17's papers a description brings by meaning alone ({@link MeaningAlone},
 * {@link OtherWords#DESCRIPTION_BM25}), which brings fewer papers (1,490 reasons); with both rules off, the reasons were
 * still the previous record's. Recorded again with session 18's halves (each paper's abstract also embedded as two
 * halves, {@code WindowVectors#blended}), which bring other papers (1,496 reasons); with RankingQuality's
 * {@code -Dhalves=false} default, the reasons were still the previous record's.
 */
class ReasonBytesTest {

    private static final List<String> JUDGED = List.of("quality/judgments.json", "quality/judgments-heldout.json",
            "quality/judgments-blind.json", "quality/judgments-blind2.json", "quality/judgments-blind3.json",
            "quality/judgments-blind4.json");
    private static final String RECORDED = "2fb777145afcf5ce1facda6a69bb9d85a70c49e4487e164f028fcae1a4d0f945";

    @Test
    void everyReasonIsWordedAsBefore() throws IOException, InterestRefused, NoSuchAlgorithmException {
        MiniLm model = new MiniLm();
        PaperIndex index = new RankingQuality().index();
        ObjectMapper json = new ObjectMapper();
        Set<String> texts = new LinkedHashSet<>();
        for (String resource : JUDGED) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
                json.readTree(in).get("judgments").forEach(j -> texts.add(j.get("interest").asText()));
            }
        }
        List<InterestHits> hits = new ArrayList<>();
        for (String text : texts) {
            ParsedInterest parsed = InterestLanguage.parse(text);
            InterestQuery query = new InterestQuery(parsed,
                    parsed.meaning().isEmpty() ? null : model.embed(parsed.meaning()));
            hits.add(Fusion.score(index, 0, index.size(), query, Fusion.THRESHOLD));
        }
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        int reasons = 0;
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < hits.size(); i++) {
                for (List<InterestHits> person : List.of(List.of(hits.get(i)),
                        List.of(hits.get(i), hits.get((i + 1) % hits.size())))) {
                    for (Match match : Ranking.rank(index, person, Instant.EPOCH, Instant.now(), Set.of(), 30)) {
                        sha.update(match.reason().getBytes(StandardCharsets.UTF_8));
                        sha.update((byte) 0);
                        reasons++;
                    }
                }
            }
        }
        assertEquals(RECORDED, HexFormat.of().formatHex(sha.digest()), reasons + " reasons");
    }
}
