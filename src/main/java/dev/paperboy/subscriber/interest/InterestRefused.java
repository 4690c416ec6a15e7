package dev.paperboy.subscriber.interest;

/** Why an interest cannot be followed, and where in it the problem is. */
public final class InterestRefused extends Exception {

    private final int position;

    InterestRefused(String message, int position) {
        super(message);
        this.position = position;
    }

    /** The 1-based character where the problem is, or 0 when it is the interest as a whole. */
    public int position() {
        return position;
    }
}
