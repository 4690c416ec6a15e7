package dev.paperboy.paper.source;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/** A source's answer: a whole body (checked against its length and the size cap), or "not modified". */
record Fetched(boolean notModified, byte[] body, String contentType, String etag, String lastModified) {

    static Fetched unchanged() {
        return new Fetched(true, new byte[0], null, null, null);
    }

    InputStream stream() {
        return new ByteArrayInputStream(body);
    }
}
