package dev.paperboy.mail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An SMTP socket's write is given up once the relay has read nothing for the timeout; a relay that reads gets all. */
class WriteDeadlinesTest {

    private static final byte[] CHUNK = new byte[64 * 1024];

    @Test
    @Timeout(120) // a hang guard only: the write is given up after about a second
    void aWriteToARelayThatStoppedReadingIsGivenUpAfterTheTimeout() throws IOException {
        try (ServerSocket relay = new ServerSocket()) {
            relay.setReceiveBufferSize(4096);
            relay.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            try (Socket socket = new NoDelaySockets(Duration.ofSeconds(1))
                    .createSocket(InetAddress.getLoopbackAddress(), relay.getLocalPort());
                 Socket accepted = relay.accept()) {
                OutputStream out = socket.getOutputStream();
                SocketTimeoutException given = assertThrows(SocketTimeoutException.class, () -> {
                    for (int i = 0; i < 16 * 1024; i++) { // up to 1 GB: far past any socket buffers
                        out.write(CHUNK);
                    }
                });
                assertTrue(given.getMessage().contains("write given up"), given.getMessage());
                assertTrue(socket.isClosed());
            }
        }
    }

    @Test
    @Timeout(120)
    void aRelayThatReadsGetsEveryByteWhateverTheWritesLast() throws Exception {
        try (ServerSocket relay = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            AtomicLong read = new AtomicLong();
            Thread reader = new Thread(() -> {
                try (Socket accepted = relay.accept(); InputStream in = accepted.getInputStream()) {
                    byte[] buffer = new byte[8192];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        read.addAndGet(n);
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            reader.start();
            try (Socket socket = new NoDelaySockets(Duration.ofSeconds(30))
                    .createSocket(InetAddress.getLoopbackAddress(), relay.getLocalPort())) {
                OutputStream out = socket.getOutputStream();
                for (int i = 0; i < 64; i++) {
                    out.write(CHUNK);
                }
                socket.shutdownOutput();
                reader.join();
            }
            assertEquals(64L * CHUNK.length, read.get());
        }
    }
}
