package dev.paperboy.mail;

import javax.net.SocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * SMTP sockets with Nagle's algorithm off, whose writes are given up after a deadline. A message goes out in several
 * buffered writes; with Nagle on, each write after the first waits for the relay's delayed acknowledgement (40 ms on
 * Linux), which capped a connection at about twenty messages a second whatever the relay's speed. The deadline is
 * watched by {@link WriteDeadlines} rather than by Jakarta Mail's {@code mail.smtp.writetimeout}, which schedules and
 * cancels a task on a thread of each connection's own for every write (about 6 % of the node's CPU in a run of
 * 20,000, besides the senders' own scheduling).
 */
final class NoDelaySockets extends SocketFactory {

    /** The socket this thread opened last, for {@link DirectDataTransport} to take once its connect returns. */
    private static final ThreadLocal<WriteDeadlines.Watched> OPENED = new ThreadLocal<>();

    private final long writeTimeoutNanos;

    NoDelaySockets(Duration writeTimeout) {
        this.writeTimeoutNanos = writeTimeout.toNanos();
    }

    @Override
    public Socket createSocket() throws IOException {
        WriteDeadlines.Watched socket = new WriteDeadlines.Watched(writeTimeoutNanos);
        socket.setTcpNoDelay(true);
        OPENED.set(socket);
        return socket;
    }

    /** The socket this thread opened last, if any, forgotten here. */
    static Socket taken() {
        Socket socket = OPENED.get();
        OPENED.remove();
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    private Socket connected(InetSocketAddress remote, InetSocketAddress local) throws IOException {
        Socket socket = createSocket();
        if (local != null) {
            socket.bind(local);
        }
        socket.connect(remote);
        return socket;
    }
}
