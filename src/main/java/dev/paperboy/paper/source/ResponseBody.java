package dev.paperboy.paper.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.GZIPInputStream;

/** Reads a whole response body: refused past the size cap (before and after gzip) or the deadline, or when cut off. */
final class ResponseBody {

    private static final int CHUNK = 64 * 1024;

    private ResponseBody() {
    }

    /** {@code timeout} is the total timeout that set {@code deadline}, named when it passes. */
    static byte[] read(HttpURLConnection connection, long cap, Instant deadline, Duration timeout, String host)
            throws IOException, PollFailure {
        long declared = connection.getContentLengthLong();
        if (declared > cap) {
            throw new PollFailure("response from " + host + " is " + declared + " bytes, over the cap of " + cap);
        }
        byte[] raw;
        try (InputStream in = connection.getInputStream()) {
            raw = readCapped(in, cap, deadline, timeout, host);
        }
        if (declared >= 0 && raw.length < declared) {
            throw new PollFailure("response from " + host + " was cut off after " + raw.length + " of " + declared + " bytes");
        }
        if ("gzip".equalsIgnoreCase(connection.getContentEncoding())) {
            try (InputStream unzipped = new GZIPInputStream(new java.io.ByteArrayInputStream(raw))) {
                return readCapped(unzipped, cap, deadline, timeout, host);
            } catch (java.io.EOFException | java.util.zip.ZipException e) {
                throw new PollFailure("response from " + host + " is not valid gzip: " + e.getMessage());
            }
        }
        return raw;
    }

    private static byte[] readCapped(InputStream in, long cap, Instant deadline, Duration timeout, String host)
            throws IOException, PollFailure {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[CHUNK];
        long total = 0;
        for (int n; (n = in.read(chunk)) != -1; ) {
            total += n;
            if (total > cap) {
                throw new PollFailure("response from " + host + " is over the cap of " + cap + " bytes");
            }
            if (Instant.now().isAfter(deadline)) {
                throw new PollFailure("no whole answer from " + host + " within the total timeout of "
                        + Durations.format(timeout));
            }
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }
}
