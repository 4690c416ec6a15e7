package dev.paperboy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An SMTP relay that hangs: it accepts connections and never says a word (not even the greeting). */
public final class HangingRelay implements AutoCloseable {

    private static volatile HangingRelay current;

    private final ServerSocket server;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private volatile boolean hanging = true;

    private HangingRelay(ServerSocket server) {
        this.server = server;
        Thread acceptor = new Thread(this::accept, "hanging-relay");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static HangingRelay start() {
        try {
            current = new HangingRelay(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
            return current;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The relay of the running test profile, if it has one. */
    public static HangingRelay current() {
        return current;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** How many connections it has accepted (and is holding, silent). */
    public int connections() {
        return held.size();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                held.add(socket);
                if (!hanging) {
                    socket.close();
                }
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** Stops hanging: drops every held connection and each new one, so senders fail now, not at their timeout. */
    public void release() {
        hanging = false;
        for (Socket socket : held) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }

    @Override
    public void close() {
        release();
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
