package dev.paperboy.matching.semantic;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The quantized all-MiniLM-L6-v2 sentence model, in process (its ONNX file ships inside the jar): langchain4j's, with
 * ONNX Runtime on one thread a call and the texts of a call spread over one thread a core. Its own default (a thread
 * pool of ONNX Runtime's a call, on each of one thread a core) spent 24-29 ms of CPU a text on 2 cores, this 15 ms,
 * the same vectors.
 */
public final class MiniLm {

    private static final String MODEL = "all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService CALLS = Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(), task -> {
                Thread thread = new Thread(task, "paperboy-model-" + THREADS.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });

    private final EmbeddingModel model = new Model(encoder());

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

    private static OnnxBertBiEncoder encoder() {
        ClassLoader loader = MiniLm.class.getClassLoader();
        try (InputStream model = loader.getResourceAsStream(MODEL);
             InputStream tokenizer = loader.getResourceAsStream(TOKENIZER);
             OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            // one thread a call: ONNX Runtime's own pool, one thread a core besides the caller's, spins while it
            // waits, and with two calls at once on two cores each call's pool spun against the other's
            options.setIntraOpNumThreads(1);
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            return new OnnxBertBiEncoder(environment, environment.createSession(model.readAllBytes(), options),
                    tokenizer, PoolingMode.MEAN);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the sentence model from the jar", e);
        } catch (OrtException e) {
            throw new IllegalStateException("Could not load the sentence model", e);
        }
    }

    /** langchain4j's in-process model on this encoder, its texts spread over {@link #CALLS}. */
    private static final class Model extends AbstractInProcessEmbeddingModel {

        private final OnnxBertBiEncoder encoder;

        Model(OnnxBertBiEncoder encoder) {
            super(CALLS);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return Vectors.DIMENSIONS;
        }
    }

    /** What a paper is embedded as: its title, then its abstract. */
    public static String paperText(String title, String abstractText) {
        return title + ". " + abstractText;
    }
}
