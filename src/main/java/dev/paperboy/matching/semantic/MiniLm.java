package dev.paperboy.matching.semantic;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

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

    /** What a paper is embedded as: its title, then its abstract. */
    public static String paperText(String title, String abstractText) {
        return title + ". " + abstractText;
    }
}
