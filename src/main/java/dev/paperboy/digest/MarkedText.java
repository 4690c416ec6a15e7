package dev.paperboy.digest;

import java.util.ArrayList;
import java.util.List;

/**
 * A rendering made with markers in place of some values, cut at them so that other values can be put in their place:
 * {@code text[0] value text[1] value ... text[n]}, where each hole takes the value of its slot.
 */
record MarkedText(String[] text, int[] holes) {

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
}
