package dev.paperboy.paper.source;

import java.util.List;

/**
 * What one poll of one source did: requests made, whether the feed was unchanged (304), the import counts summed
 * over its pages, and the error that ended it (null when it completed).
 */
public record PollReport(String source, int requests, boolean notModified, int received, int added, int updated,
                         int duplicates, int rejected, List<String> errors, String error) {

    static PollReport skipped(String source, String why) {
        return new PollReport(source, 0, false, 0, 0, 0, 0, 0, List.of(), why);
    }

    public boolean failed() {
        return error != null;
    }
}
