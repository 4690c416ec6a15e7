package dev.paperboy.paper.source;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A source's answer: a whole body (checked against its length and the size cap), or "not modified"; {@code from} is
 * the address that answered, after any redirects, so that an error about the document names that host.
 */
record Fetched(boolean notModified, byte[] body, String contentType, String etag, String lastModified, URI from) {

    static Fetched unchanged(URI from) {
        return new Fetched(true, new byte[0], null, null, null, from);
    }

    InputStream stream() {
        return new ByteArrayInputStream(body);
    }

    /**
     * Whether the answer is a web page: served as HTML, or starting with {@code <!DOCTYPE html} or {@code <html}
     * (a login or error page, or a site's home page given instead of its feed). Asked only of a document that could
     * not be read, so a feed served as text/html is still read.
     */
    boolean htmlPage() {
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/html")) {
            return true;
        }
        String start = new String(body, 0, Math.min(body.length, 512), StandardCharsets.ISO_8859_1)
                .replace("\u00ef\u00bb\u00bf", "").stripLeading().toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype html") || start.startsWith("<html");
    }

    /** " (Content-Type: ...)" as the source sent it, or nothing when it sent none. */
    String typeNote() {
        return contentType == null ? "" : " (Content-Type: " + contentType + ")";
    }
}
