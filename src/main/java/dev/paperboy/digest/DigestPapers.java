package dev.paperboy.digest;

import dev.paperboy.matching.Match;
import jakarta.enterprise.context.ApplicationScoped;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores the papers of decided digests: the one place a digest's papers are written, so a new field is one edit.
 * A digest's papers are one row of arrays, best first (V18; read one per paper through the view digest_paper). They go
 * in with a binary COPY, streamed in small chunks: a batch is ~250 digests of up to 50 papers, which as one insert would
 * cost the node one text of all reasons (megabytes, a humongous allocation for G1 with a 512 MB heap). Binary, because
 * parsing the text form's array literals (counting, unescaping and allocating each element) was a third of what a
 * planning connection of PostgreSQL spent its CPU on.
 */
@ApplicationScoped
class DigestPapers {

    /** Bytes of rows sent to the server at once; far below G1's humongous size, and few round trips. */
    private static final int CHUNK = 64 * 1024;
    private static final String COPY = "copy digest_paper_list (digest_id, subscriber_id, paper_ids, scores, reasons,"
            + " interests, trending) from stdin with (format binary)";
    /** The binary COPY header: signature, no flags, no extension. */
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0,
        0, 0, 0, 0};
    private static final int INT8 = 20;
    private static final int FLOAT4 = 700;
    private static final int TEXT = 25;
    private static final int BOOL = 16;

    /** A digest just decided, whose subscriber it is, and its papers, best first. */
    record Decided(long digestId, long subscriberId, List<Match> papers) {
    }

    /** Writes the papers of many digests with one COPY, in the caller's transaction; a digest without any has no row. */
    void store(Connection connection, List<Decided> digests) throws SQLException {
        if (digests.stream().allMatch(d -> d.papers().isEmpty())) {
            return;
        }
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
        try {
            Rows rows = new Rows(copy);
            rows.write(HEADER);
            for (Decided digest : digests) {
                rows.row(digest);
            }
            rows.writeShort(-1);
            rows.flush();
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /**
     * The COPY's bytes, sent whenever a chunk's worth has gathered. Each distinct reason and interest is encoded to
     * UTF-8 once per batch: a batch's digests repeat the same few (encoding them again for each digest, through
     * String's UTF-16 path since a reason holds curly quotes, was a quarter of a planning worker's Java). A digest's
     * row is written by a few small methods, each loop its own: the JIT compiled one method holding all of them
     * three times a run (twice on the stack).
     */
    private static final class Rows {
        private final CopyIn copy;
        private byte[] buffer = new byte[CHUNK + 4096];
        private int size;
        private final Map<String, byte[]> encoded = new HashMap<>();

        Rows(CopyIn copy) {
            this.copy = copy;
        }

        /** One digest's row, if it has papers: seven fields, each its length then its binary value. */
        void row(Decided digest) throws SQLException {
            List<Match> papers = digest.papers();
            if (papers.isEmpty()) {
                return;
            }
            int n = papers.size();
            writeShort(7);
            writeInt(8);
            writeLong(digest.digestId());
            writeInt(8);
            writeLong(digest.subscriberId());
            array(INT8, n, false, 12);
            ids(papers);
            array(FLOAT4, n, false, 8);
            scores(papers);
            texts(papers, true);
            texts(papers, false);
            array(BOOL, n, false, 5);
            trending(papers);
            if (size >= CHUNK) {
                flush();
            }
        }

        private void ids(List<Match> papers) {
            for (Match paper : papers) {
                writeInt(8);
                writeLong(paper.paperId());
            }
        }

        private void scores(List<Match> papers) {
            for (Match paper : papers) {
                writeInt(4);
                writeFloat(paper.score());
            }
        }

        private void trending(List<Match> papers) {
            for (Match paper : papers) {
                writeInt(1);
                writeByte(paper.trending() ? 1 : 0);
            }
        }

        /** A text[] field of the papers' reasons (or interests): the elements in UTF-8, a null one as length -1. */
        private void texts(List<Match> papers, boolean reasons) {
            int length = 20;
            boolean nulls = false;
            for (Match paper : papers) {
                byte[] value = encoded(reasons ? paper.reason() : paper.interest());
                length += 4 + (value == null ? 0 : value.length);
                nulls |= value == null;
            }
            writeInt(length);
            header(TEXT, papers.size(), nulls);
            for (Match paper : papers) {
                byte[] value = encoded(reasons ? paper.reason() : paper.interest());
                if (value == null) {
                    writeInt(-1);
                } else {
                    writeInt(value.length);
                    write(value);
                }
            }
        }

        private byte[] encoded(String value) {
            if (value == null) {
                return null;
            }
            byte[] bytes = encoded.get(value);
            if (bytes == null) {
                bytes = value.getBytes(StandardCharsets.UTF_8);
                encoded.put(value, bytes);
            }
            return bytes;
        }

        /** The length of a one-dimensional array field of fixed-size elements, and its header. */
        private void array(int type, int n, boolean nulls, int elementBytes) {
            writeInt(20 + n * elementBytes);
            header(type, n, nulls);
        }

        /** One dimension, whether any element is null, the element type, the length, and the lower bound 1. */
        private void header(int type, int n, boolean nulls) {
            writeInt(1);
            writeInt(nulls ? 1 : 0);
            writeInt(type);
            writeInt(n);
            writeInt(1);
        }

        // big-endian, as COPY's binary format wants (DataOutputStream's did the same byte by byte, each write taking
        // ByteArrayOutputStream's lock)
        void write(byte[] bytes) {
            room(bytes.length);
            System.arraycopy(bytes, 0, buffer, size, bytes.length);
            size += bytes.length;
        }

        void writeByte(int value) {
            room(1);
            buffer[size++] = (byte) value;
        }

        void writeShort(int value) {
            room(2);
            buffer[size++] = (byte) (value >>> 8);
            buffer[size++] = (byte) value;
        }

        void writeInt(int value) {
            room(4);
            buffer[size++] = (byte) (value >>> 24);
            buffer[size++] = (byte) (value >>> 16);
            buffer[size++] = (byte) (value >>> 8);
            buffer[size++] = (byte) value;
        }

        void writeLong(long value) {
            writeInt((int) (value >>> 32));
            writeInt((int) value);
        }

        void writeFloat(float value) {
            writeInt(Float.floatToIntBits(value));
        }

        private void room(int bytes) {
            if (size + bytes > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + bytes));
            }
        }

        void flush() throws SQLException {
            copy.writeToCopy(buffer, 0, size);
            size = 0;
        }
    }
}
