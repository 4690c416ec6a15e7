package dev.paperboy.digest;

import dev.paperboy.mail.BodyWriter;
import dev.paperboy.mail.SharedText;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A rendering made with markers in place of some values, cut at them so that other values can be put in their place:
 * {@code text[0] value text[1] value ... text[n]}, where each hole takes the value of its slot. Each piece of text is
 * also a {@link SharedText}, whose whole lines every mail that carries it writes as they were encoded once.
 */
record MarkedText(String[] text, int[] holes, SharedText[] pieces) {

    MarkedText(String[] text, int[] holes) {
        this(text, holes, Arrays.stream(text).map(SharedText::new).toArray(SharedText[]::new));
    }

    /**
     * The rendering cut at each of {@code markers}, the hole of marker {@code h} taking the value of slot
     * {@code slots[h]}; null when {@code once} and a marker is found more than once (the rendered text holds it).
     */
    static MarkedText of(String rendered, String[] markers, int[] slots, boolean once) {
        List<String> text = new ArrayList<>();
        List<Integer> holes = new ArrayList<>();
        int[] seen = new int[markers.length];
        int from = 0;
        while (true) {
            int next = -1;
            int marker = -1;
            for (int m = 0; m < markers.length; m++) {
                int at = rendered.indexOf(markers[m], from);
                if (at >= 0 && (next < 0 || at < next)) {
                    next = at;
                    marker = m;
                }
            }
            if (next < 0) {
                break;
            }
            if (++seen[marker] > 1 && once) {
                return null;
            }
            text.add(rendered.substring(from, next));
            holes.add(slots[marker]);
            from = next + markers[marker].length();
        }
        text.add(rendered.substring(from));
        return new MarkedText(text.toArray(String[]::new), holes.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The rendering with each hole holding the value of its slot. */
    String fill(String[] values) {
        int length = text[holes.length].length();
        for (int i = 0; i < holes.length; i++) {
            length += text[i].length() + values[holes[i]].length();
        }
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < holes.length; i++) {
            out.append(text[i]).append(values[holes[i]]);
        }
        return out.append(text[holes.length]).toString();
    }

    /** The rendering with each hole holding the value of its slot, as parts of a body. */
    void addTo(BodyParts out, String[] values) {
        for (int i = 0; i < holes.length; i++) {
            out.add(pieces[i]);
            out.add(values[holes[i]]);
        }
        out.add(pieces[holes.length]);
    }

    /** The rendering written out, each hole holding the value of its slot; the hole of {@code partsSlot}: {@code parts}. */
    void writeTo(BodyWriter out, String[] values, int partsSlot, BodyParts parts) {
        for (int i = 0; i < holes.length; i++) {
            out.shared(pieces[i]);
            if (holes[i] == partsSlot) {
                parts.writeTo(out);
            } else {
                out.fresh(values[holes[i]]);
            }
        }
        out.shared(pieces[holes.length]);
    }
}
