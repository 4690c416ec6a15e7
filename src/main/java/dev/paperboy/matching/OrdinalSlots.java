package dev.paperboy.matching;

/**
 * Ordinal to slot (0, 1, 2 ... in the order ordinals were first seen), in open addressing over primitive arrays: one
 * person's merge of their interests' papers looks up a few hundred ordinals, without boxing or hash-map nodes.
 */
final class OrdinalSlots {

    private int[] keys; // ordinal + 1, 0 where empty
    private int[] slots;
    private int size;

    /** Room for about {@code expected} ordinals before it grows. */
    OrdinalSlots(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        keys = new int[capacity];
        slots = new int[capacity];
    }

    int size() {
        return size;
    }

    /** The ordinal's slot, or -1. */
    int get(int ordinal) {
        int mask = keys.length - 1;
        for (int i = mix(ordinal) & mask; keys[i] != 0; i = (i + 1) & mask) {
            if (keys[i] == ordinal + 1) {
                return slots[i];
            }
        }
        return -1;
    }

    /** The ordinal's slot, given the next free one if it had none. */
    int slot(int ordinal) {
        int mask = keys.length - 1;
        int i = mix(ordinal) & mask;
        for (; keys[i] != 0; i = (i + 1) & mask) {
            if (keys[i] == ordinal + 1) {
                return slots[i];
            }
        }
        keys[i] = ordinal + 1;
        slots[i] = size;
        if (++size * 2 > keys.length) {
            grow();
        }
        return size - 1;
    }

    private void grow() {
        int[] oldKeys = keys;
        int[] oldSlots = slots;
        keys = new int[oldKeys.length * 2];
        slots = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != 0) {
                int i = mix(oldKeys[j] - 1) & mask;
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                slots[i] = oldSlots[j];
            }
        }
    }

    private static int mix(int ordinal) {
        return ordinal * 0x9E3779B9 >>> 7;
    }
}
