package dev.paperboy.matching.semantic;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The one in-process sentence model of this node, loaded on first use (about 25 MB, shipped in the jar). */
@ApplicationScoped
public class Embedder {

    private volatile MiniLm model;

    public float[] embed(String text) {
        return model().embed(text);
    }

    public List<float[]> embedAll(List<String> texts) {
        return texts.isEmpty() ? List.of() : model().embedAll(texts);
    }

    private MiniLm model() {
        MiniLm loaded = model;
        if (loaded == null) {
            synchronized (this) {
                if (model == null) {
                    model = new MiniLm();
                }
                loaded = model;
            }
        }
        return loaded;
    }
}
