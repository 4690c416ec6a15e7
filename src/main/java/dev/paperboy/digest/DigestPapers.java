package dev.paperboy.digest;

import dev.paperboy.matching.Match;
import jakarta.enterprise.context.ApplicationScoped;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Stores the papers of decided digests: the one place a digest's papers are written, so a new field is one edit.
 * A digest's papers are one row of arrays, best first (V18; read one per paper through the view digest_paper). They go
 * in with COPY, streamed in small chunks: a batch is ~250 digests of up to 50 papers, which as one insert would cost the
 * node one text of all reasons (megabytes, a humongous allocation for G1 with a 512 MB heap).
 */
@ApplicationScoped
class DigestPapers {

    /** Bytes of rows sent to the server at once; far below G1's humongous size, and few round trips. */
    private static final int CHUNK = 64 * 1024;
    private static final String COPY = "copy digest_paper_list (digest_id, subscriber_id, paper_ids, scores, reasons,"
            + " interests, trending) from stdin";

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
            StringBuilder rows = new StringBuilder(CHUNK + 4096);
            for (Decided digest : digests) {
                List<Match> papers = digest.papers();
                if (papers.isEmpty()) {
                    continue;
                }
                rows.append(digest.digestId()).append('\t').append(digest.subscriberId()).append("\t{");
                for (int i = 0; i < papers.size(); i++) {
                    rows.append(i == 0 ? "" : ",").append(papers.get(i).paperId());
                }
                rows.append("}\t{");
                for (int i = 0; i < papers.size(); i++) {
                    rows.append(i == 0 ? "" : ",").append(papers.get(i).score());
                }
                rows.append("}\t{");
                for (int i = 0; i < papers.size(); i++) {
                    element(rows.append(i == 0 ? "" : ","), papers.get(i).reason());
                }
                rows.append("}\t{");
                for (int i = 0; i < papers.size(); i++) {
                    element(rows.append(i == 0 ? "" : ","), papers.get(i).interest());
                }
                rows.append("}\t{");
                for (int i = 0; i < papers.size(); i++) {
                    rows.append(i == 0 ? "" : ",").append(papers.get(i).trending() ? 't' : 'f');
                }
                rows.append("}\n");
                if (rows.length() >= CHUNK) {
                    send(copy, rows);
                }
            }
            send(copy, rows);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /**
     * A text element of an array literal inside a COPY text field: NULL unquoted, else double-quoted with {@code "} and
     * {@code \} escaped for the array, then the characters that would end or escape COPY's field escaped for COPY.
     */
    static void element(StringBuilder rows, String value) {
        if (value == null) {
            rows.append("NULL");
            return;
        }
        rows.append('"');
        int first = 0;
        while (first < value.length() && !special(value.charAt(first))) {
            first++;
        }
        if (first == value.length()) {
            rows.append(value).append('"'); // the usual reason: appended whole, not a character at a time
            return;
        }
        rows.append(value, 0, first);
        for (int i = first; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> rows.append("\\\\\\\\"); // the array's \\ , each escaped again for COPY
                case '"' -> rows.append("\\\\\""); // the array's \" , its backslash escaped for COPY
                case '\t' -> rows.append("\\t");
                case '\n' -> rows.append("\\n");
                case '\r' -> rows.append("\\r");
                default -> rows.append(c);
            }
        }
        rows.append('"');
    }

    private static void send(CopyIn copy, StringBuilder rows) throws SQLException {
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        rows.setLength(0);
    }

    private static boolean special(char c) {
        return c == '\\' || c == '"' || c == '\t' || c == '\n' || c == '\r';
    }
}
