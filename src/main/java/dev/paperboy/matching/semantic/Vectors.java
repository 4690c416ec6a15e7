package dev.paperboy.matching.semantic;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Sentence vectors as Paperboy keeps them: 384 floats of unit length, stored as little-endian bytes. */
public final class Vectors {

    public static final int DIMENSIONS = 384;

    private Vectors() {
    }

    /** The cosine of two unit vectors. */
    public static float dot(float[] a, float[] b) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < a.length; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < a.length; i++) {
            s0 += a[i] * b[i];
        }
        return s0 + s1 + s2 + s3;
    }

    /** The vector scaled to unit length (a zero vector stays zero). */
    public static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float[] u = new float[v.length];
        if (norm == 0) {
            return u;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            u[i] = v[i] * scale;
        }
        return u;
    }

    public static byte[] toBytes(float[] v) {
        ByteBuffer buffer = ByteBuffer.allocate(v.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(v);
        return buffer.array();
    }

    public static float[] fromBytes(byte[] bytes) {
        return fromBytes(bytes, 1);
    }

    /** {@code count} vectors stored one after the other, in one array. */
    public static float[] fromBytes(byte[] bytes, int count) {
        if (bytes.length != count * DIMENSIONS * Float.BYTES) {
            throw new IllegalArgumentException("stored vectors have " + bytes.length + " bytes, not "
                    + count * DIMENSIONS * 4);
        }
        float[] v = new float[count * DIMENSIONS];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }
}
