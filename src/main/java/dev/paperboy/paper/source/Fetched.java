package dev.paperboy.paper.source;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;

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
}
