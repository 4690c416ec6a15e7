package dev.paperboy.digest;

import dev.paperboy.mail.BodyWriter;
import dev.paperboy.mail.SharedText;

import java.util.ArrayList;
import java.util.List;

/**
 * A stretch of a mail body (the papers' blocks one after the other) as its parts: pieces many mails share, and this
 * mail's own values, kept to be written into the body where the layout places them.
 */
final class BodyParts {

    // each a SharedText or a String
    private final List<Object> parts;
    private int length;

    /** Room for this many parts. */
    BodyParts(int size) {
        parts = new ArrayList<>(size);
    }

    void add(SharedText piece) {
        if (!piece.isEmpty()) {
            parts.add(piece);
            length += piece.text().length();
        }
    }

    void add(String value) {
        if (!value.isEmpty()) {
            parts.add(value);
            length += value.length();
        }
    }

    boolean isEmpty() {
        return length == 0;
    }

    /** Drops the last character when it is a line break, as the blocks' strings drop it for the template's own. */
    void dropLastBreak() {
        if (parts.isEmpty()) {
            return;
        }
        int last = parts.size() - 1;
        Object part = parts.get(last);
        if (part instanceof SharedText piece && piece.endsWithLineBreak()) {
            parts.set(last, piece.withoutLastBreak());
        } else if (part instanceof String value && value.endsWith("\n")) {
            parts.set(last, value.substring(0, value.length() - 1));
        } else {
            return;
        }
        length--;
    }

    void writeTo(BodyWriter out) {
        for (Object part : parts) {
            if (part instanceof SharedText piece) {
                out.shared(piece);
            } else {
                out.fresh((String) part);
            }
        }
    }
}
