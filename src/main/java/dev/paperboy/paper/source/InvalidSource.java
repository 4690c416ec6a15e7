package dev.paperboy.paper.source;

/** A source definition that cannot be used; the message says what to change. */
public class InvalidSource extends IllegalArgumentException {
    public InvalidSource(String message) {
        super(message);
    }
}
