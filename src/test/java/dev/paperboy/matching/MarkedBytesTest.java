package dev.paperboy.matching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.subscriber.interest.InterestLanguage;
import dev.paperboy.subscriber.interest.InterestRefused;
import dev.paperboy.subscriber.interest.ParsedInterest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The marked titles and snippets of the 62 sample papers for every interest of the six judged sets (words, phrases,
 * boolean, sentences) and a few more operators stay byte for byte what main 1d8138b made, before the papers' tokens
 * were kept between interests: mails must not change when the way they are marked is made cheaper. The record is a
 * SHA-256 of all 8,000-odd explanations; if a change to marking is meant, print the new one and say why in the commit.
 */
class MarkedBytesTest {

    private static final List<String> JUDGED = List.of("quality/judgments.json", "quality/judgments-heldout.json",
            "quality/judgments-blind.json", "quality/judgments-blind2.json", "quality/judgments-blind3.json",
            "quality/judgments-blind4.json");
    private static final List<String> MORE = List.of("learning -reinforcement", "\"language model\" -survey",
            "\"neural networks\" pruning", "attention AND (transformer OR \"self-attention\")", "neural NOT network",
            "cat:cs.LG", "author:Hinton", "graph neural networks", "GAN", "3D point clouds & meshes",
            "model editing", "(deep learning theory)");
    private static final String RECORDED = "22a04a0b6d9c89d1fad46949469406cb27fec78dcdd168d5521863f599e86a30";

    @Test
    void everyPairIsMarkedAsBefore() throws IOException, InterestRefused, NoSuchAlgorithmException {
        ObjectMapper json = new ObjectMapper();
        List<WindowPaper> papers = new ArrayList<>();
        long id = 1;
        for (JsonNode paper : read(json, "sample/trending-papers.json")) {
            papers.add(new WindowPaper(id++, 1, paper.get("title").asText(), paper.get("abstract").asText(),
                    new String[0], new String[0], null, null, null, null));
        }
        Set<String> interests = new LinkedHashSet<>();
        for (String resource : JUDGED) {
            read(json, resource).get("judgments").forEach(j -> interests.add(j.get("interest").asText()));
        }
        interests.addAll(MORE);
        Explanations explanations = new Explanations();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        int pairs = 0;
        int marked = 0;
        for (String interest : interests) {
            ParsedInterest parsed = InterestLanguage.parse(interest);
            for (WindowPaper paper : papers) {
                Explanation why = explanations.of(parsed, "why", paper);
                assertEquals("why", why.reason());
                for (String part : List.of(why.title(), why.titleHtml(), why.snippet(), why.snippetHtml())) {
                    sha.update(part.getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                }
                marked += why.snippetHtml().contains("<mark>") ? 1 : 0;
                pairs++;
            }
        }
        assertEquals(62 * interests.size(), pairs);
        assertEquals(3_729, marked, "pairs with a word marked in the snippet");
        assertEquals(RECORDED, HexFormat.of().formatHex(sha.digest()), pairs + " pairs");
    }

    private static JsonNode read(ObjectMapper json, String resource) throws IOException {
        try (InputStream in = MarkedBytesTest.class.getClassLoader().getResourceAsStream(resource)) {
            return json.readTree(in);
        }
    }
}
