package dev.paperboy.digest;

import dev.paperboy.matching.Match;
import jakarta.enterprise.context.ApplicationScoped;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

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
            rows.bytes(HEADER);
            for (Decided digest : digests) {
                List<Match> papers = digest.papers();
                if (!papers.isEmpty()) {
                    row(rows, digest);
                }
            }
            rows.out.writeShort(-1);
            rows.flush();
            copy.endCopy();
        } catch (IOException e) {
            throw new SQLException("Could not write the papers of " + digests.size() + " digests", e);
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /** One digest's row: its seven fields, each its length then its binary value (arrays as PostgreSQL sends them). */
    private static void row(Rows rows, Decided digest) throws IOException, SQLException {
        List<Match> papers = digest.papers();
        int n = papers.size();
        DataOutputStream out = rows.out;
        out.writeShort(7);
        out.writeInt(8);
        out.writeLong(digest.digestId());
        out.writeInt(8);
        out.writeLong(digest.subscriberId());
        array(out, INT8, n, false, 12);
        for (Match paper : papers) {
            out.writeInt(8);
            out.writeLong(paper.paperId());
        }
        array(out, FLOAT4, n, false, 8);
        for (Match paper : papers) {
            out.writeInt(4);
            out.writeFloat(paper.score());
        }
        texts(out, papers.stream().map(Match::reason).toList());
        texts(out, papers.stream().map(Match::interest).toList());
        array(out, BOOL, n, false, 5);
        for (Match paper : papers) {
            out.writeInt(1);
            out.writeByte(paper.trending() ? 1 : 0);
        }
        rows.flushIfFull();
    }

    /** A text[] field: its elements in UTF-8, a null one as length -1. */
    private static void texts(DataOutputStream out, List<String> values) throws IOException {
        List<byte[]> encoded = values.stream().map(v -> v == null ? null : v.getBytes(StandardCharsets.UTF_8)).toList();
        int size = 20;
        boolean nulls = false;
        for (byte[] value : encoded) {
            size += 4 + (value == null ? 0 : value.length);
            nulls |= value == null;
        }
        out.writeInt(size);
        header(out, TEXT, values.size(), nulls);
        for (byte[] value : encoded) {
            if (value == null) {
                out.writeInt(-1);
            } else {
                out.writeInt(value.length);
                out.write(value);
            }
        }
    }

    /** The length of a one-dimensional array field of fixed-size elements, and its header. */
    private static void array(DataOutputStream out, int type, int n, boolean nulls, int elementBytes)
            throws IOException {
        out.writeInt(20 + n * elementBytes);
        header(out, type, n, nulls);
    }

    /** One dimension, whether any element is null, the element type, the length, and the lower bound 1. */
    private static void header(DataOutputStream out, int type, int n, boolean nulls) throws IOException {
        out.writeInt(1);
        out.writeInt(nulls ? 1 : 0);
        out.writeInt(type);
        out.writeInt(n);
        out.writeInt(1);
    }

    /** The COPY's bytes, sent whenever a chunk's worth has gathered. */
    private static final class Rows {
        private final CopyIn copy;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(CHUNK + 4096);
        final DataOutputStream out = new DataOutputStream(buffer);

        Rows(CopyIn copy) {
            this.copy = copy;
        }

        void bytes(byte[] bytes) throws IOException {
            out.write(bytes);
        }

        void flushIfFull() throws SQLException {
            if (buffer.size() >= CHUNK) {
                flush();
            }
        }

        void flush() throws SQLException {
            copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
            buffer.reset();
        }
    }
}
