package dev.paperboy.matching.semantic;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import java.util.ArrayList;
import java.util.List;

/** The quantized all-MiniLM-L6-v2 sentence model, in process (its ONNX file ships inside the jar). */
public final class MiniLm {

    private final EmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();

    /** The unit vector of one text. */
    public float[] embed(String text) {
        return Vectors.unit(model.embed(text).content().vector());
    }

    /** The unit vectors of several texts, in order. */
    public List<float[]> embedAll(List<String> texts) {
        return model.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                .map(e -> Vectors.unit(e.vector())).toList();
    }

    /**
     * What a paper's halves are embedded as: "title. " and the first half of its abstract's sentences, then the second
     * half (one text when the abstract has one sentence; the title alone when it has none of more than 20 characters).
     */
    public static List<String> halfTexts(String title, String abstractText) {
        List<String> sentences = new ArrayList<>();
        for (String sentence : (abstractText == null ? "" : abstractText).split("(?<=[.!?])\\s+")) {
            if (sentence.strip().length() > 20) {
                sentences.add(sentence.strip());
            }
        }
        List<String> grouped = new ArrayList<>();
        int per = (int) Math.ceil(sentences.size() / 2.0);
        for (int c = 0; c < sentences.size(); c += per) {
            String text = String.join(" ", sentences.subList(c, Math.min(sentences.size(), c + per)));
            grouped.add(c == 0 ? title + ". " + text : text);
        }
        return grouped.isEmpty() ? List.of(title) : grouped;
    }

    /** What a paper is embedded as: its title, then its abstract. */
    public static String paperText(String title, String abstractText) {
        return title + ". " + abstractText;
    }
}
