package dev.paperboy;

/** Papers for the forms' preview tests: two of a made-up word no other test uses. */
public final class PreviewPapers {

    private PreviewPapers() {
    }

    /**
     * Imports "{word} crystals grown in brine" (linked to https://example.org/{word}/1) and "Brine chemistry" (the
     * word only in its abstract); returns the word.
     */
    public static String imported() {
        String word = "sorbelite" + People.marker();
        AdminApi.importPapers("""
                [{"title": "%1$s crystals grown in brine", "abstract": "We grow %1$s crystals from brine.",
                  "url": "https://example.org/%1$s/1"},
                 {"title": "Brine chemistry", "abstract": "A %1$s phase appears in cold brine."}]""".formatted(word));
        return word;
    }
}
