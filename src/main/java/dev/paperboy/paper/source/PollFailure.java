package dev.paperboy.paper.source;

import java.time.Instant;

/**
 * A poll that could not go on: a request with no usable answer, or a document that could not be read;
 * {@code retryAfter} when the server said when to come back.
 */
class PollFailure extends Exception {

    private final transient Instant retryAfter;

    PollFailure(String message, Instant retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    PollFailure(String message) {
        this(message, null);
    }

    Instant retryAfter() {
        return retryAfter;
    }
}
