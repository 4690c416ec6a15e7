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
 * They go in with COPY, streamed in small chunks: a batch is ~12,500 rows (about 50 listed papers a digest), which
 * as one multi-row insert of arrays cost PostgreSQL an array literal to parse per column and the node one text of
 * all reasons (megabytes, a humongous allocation for G1 with a 512 MB heap).
 */
@ApplicationScoped
class DigestPapers {

    /** Bytes of rows sent to the server at once; far below G1's humongous size, and few round trips. */
    private static final int CHUNK = 64 * 1024;
    private static final String COPY = "copy digest_paper (digest_id, subscriber_id, paper_id, position, score, reason,"
            + " interest, trending) from stdin";

    /** A digest just decided, whose subscriber it is, and its papers, best first. */
    record Decided(long digestId, long subscriberId, List<Match> papers) {
    }

    /** Writes the papers of many digests with one COPY, in the caller's transaction. */
    void store(Connection connection, List<Decided> digests) throws SQLException {
        if (digests.stream().allMatch(d -> d.papers().isEmpty())) {
            return;
        }
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
        try {
            StringBuilder rows = new StringBuilder(CHUNK + 4096);
            for (Decided digest : digests) {
                int position = 0;
                for (Match match : digest.papers()) {
                    rows.append(digest.digestId()).append('\t').append(digest.subscriberId()).append('\t')
                            .append(match.paperId()).append('\t').append(position++).append('\t')
                            .append(match.score()).append('\t');
                    text(rows, match.reason());
                    rows.append('\t');
                    text(rows, match.interest());
                    rows.append('\t').append(match.trending() ? 't' : 'f').append('\n');
                    if (rows.length() >= CHUNK) {
                        send(copy, rows);
                    }
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

    private static void send(CopyIn copy, StringBuilder rows) throws SQLException {
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        rows.setLength(0);
    }

    /** A text field of COPY's text format: \N for null, and the four characters that would end or escape a field. */
    static void text(StringBuilder rows, String value) {
        if (value == null) {
            rows.append("\\N");
            return;
        }
        int first = 0;
        while (first < value.length() && !special(value.charAt(first))) {
            first++;
        }
        if (first == value.length()) {
            rows.append(value); // the usual reason: appended whole, not a character at a time
            return;
        }
        rows.append(value, 0, first);
        for (int i = first; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> rows.append("\\\\");
                case '\t' -> rows.append("\\t");
                case '\n' -> rows.append("\\n");
                case '\r' -> rows.append("\\r");
                default -> rows.append(c);
            }
        }
    }

    private static boolean special(char c) {
        return c == '\\' || c == '\t' || c == '\n' || c == '\r';
    }
}
