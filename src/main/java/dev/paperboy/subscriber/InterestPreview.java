package dev.paperboy.subscriber;

import java.util.List;

/** What one typed interest would bring, for the form's preview: its papers, or why the language refuses it. */
public record InterestPreview(String interest, List<InterestPreviews.PreviewedPaper> papers, String error,
                              ChoicesForm.RefusedAt refusedAt) {

    public boolean refused() {
        return error != null;
    }
}
