package dev.paperboy.mail;

import org.jboss.logging.Logger;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Closes an SMTP socket whose write has lasted longer than its deadline (a relay that stopped reading), so the sender
 * blocked in it fails instead of hanging: one thread for every connection of the node, looking twice a second at the
 * writes in progress. A write costs a clock reading and its socket's place in a shared set while it lasts.
 */
final class WriteDeadlines {

    private static final Logger LOG = Logger.getLogger(WriteDeadlines.class);
    private static final long LOOK_EVERY_MILLIS = 500;
    private static final Set<Watched> WRITING = ConcurrentHashMap.newKeySet();

    static {
        Thread watch = new Thread(WriteDeadlines::watch, "smtp-write-deadlines");
        watch.setDaemon(true);
        watch.start();
    }

    private WriteDeadlines() {
    }

    private static void watch() {
        while (true) {
            try {
                Thread.sleep(LOOK_EVERY_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Watched socket : WRITING) {
                socket.closeIfLate(now);
            }
        }
    }

    /** A socket whose writes are watched: started, each is listed until it ends. */
    static final class Watched extends Socket {

        private final long timeoutNanos;
        private volatile long writingSince;
        private volatile boolean timedOut;
        private OutputStream out;

        Watched(long timeoutNanos) {
            this.timeoutNanos = timeoutNanos;
        }

        @Override
        public synchronized OutputStream getOutputStream() throws IOException {
            if (out == null) {
                out = new Deadlined(super.getOutputStream());
            }
            return out;
        }

        private void closeIfLate(long now) {
            long since = writingSince;
            if (since != 0 && now - since > timeoutNanos) {
                timedOut = true;
                try {
                    close();
                } catch (IOException e) {
                    LOG.debug("closing an SMTP socket past its write deadline", e);
                }
            }
        }

        private final class Deadlined extends FilterOutputStream {

            Deadlined(OutputStream out) {
                super(out);
            }

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                writingSince = System.nanoTime() | 1; // never 0, which means no write
                WRITING.add(Watched.this);
                try {
                    out.write(b, off, len);
                } catch (IOException e) {
                    if (timedOut) {
                        throw new SocketTimeoutException("the relay read nothing for "
                                + timeoutNanos / 1_000_000 + " ms: write given up");
                    }
                    throw e;
                } finally {
                    writingSince = 0;
                    WRITING.remove(Watched.this);
                }
            }
        }
    }
}
