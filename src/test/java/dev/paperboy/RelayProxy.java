package dev.paperboy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The SMTP relay as Paperboy sees it: a TCP proxy in front of the shared GreenMail that a test can cut (the relay
 * is down: connections refused) and restore, or make drop one connection at a chosen point of the SMTP dialogue,
 * without touching GreenMail or the mail other tests already received.
 */
public final class RelayProxy {

    private final int port;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger drops = new AtomicInteger();
    private final AtomicInteger noops = new AtomicInteger();
    private final AtomicReference<Drop> armed = new AtomicReference<>();
    private volatile ServerSocket server;

    /** Where to drop a connection: at the RCPT of one of these addresses, or at the first command after their mail. */
    private record Drop(Set<String> addresses, boolean afterTheMessage) {
    }

    public RelayProxy(int port, int targetPort) {
        this.port = port;
        this.targetPort = targetPort;
    }

    public int port() {
        return port;
    }

    /** Accepts connections again, on the same port. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            server = socket;
            Thread accept = new Thread(() -> acceptLoop(socket), "relay-proxy-accept");
            accept.setDaemon(true);
            accept.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The relay goes down: open connections are closed and new ones refused, until {@link #start()}. */
    public synchronized void cut() {
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        server = null;
        open.forEach(this::closeQuietly);
    }

    /** Closes the connection once, when the client names one of these recipients (the message is not handed over). */
    public void dropWhenSendingTo(Set<String> addresses) {
        armed.set(new Drop(lower(addresses), false));
    }

    /** Closes the connection once, at the client's first command after a message to one of these was accepted. */
    public void dropAfterMessageTo(Set<String> addresses) {
        armed.set(new Drop(lower(addresses), true));
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    /** Connections dropped by an armed {@link #dropWhenSendingTo} or {@link #dropAfterMessageTo} so far. */
    public int drops() {
        return drops.get();
    }

    /** How many NOOP commands clients sent through. */
    public int noops() {
        return noops.get();
    }

    private static Set<String> lower(Set<String> addresses) {
        return Set.copyOf(addresses.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList());
    }

    private void acceptLoop(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket relay = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                connections.incrementAndGet();
                open.add(client);
                open.add(relay);
                daemon(() -> pump(relay, client), "relay-proxy-down");
                daemon(() -> commands(client, relay), "relay-proxy-up");
            } catch (IOException e) {
                // the server socket was closed by cut(), or one connection failed
            }
        }
    }

    /** Server to client: bytes as they come. */
    private void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // one side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    /** Client to server, line by line, to drop the connection at an armed point of the dialogue. */
    private void commands(Socket client, Socket relay) {
        boolean data = false;
        String recipient = null;
        String justSent = null;
        try (InputStream in = client.getInputStream(); OutputStream out = relay.getOutputStream()) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                line.write(b);
                if (b != '\n') {
                    continue;
                }
                String text = line.toString(StandardCharsets.ISO_8859_1).trim();
                String upper = text.toUpperCase(Locale.ROOT);
                Drop drop = armed.get();
                if (!data && drop != null && shouldDrop(drop, upper, justSent) && armed.compareAndSet(drop, null)) {
                    drops.incrementAndGet();
                    return;
                }
                if (!data && upper.startsWith("RCPT TO:")) {
                    recipient = address(text);
                    justSent = null;
                } else if (!data && upper.equals("DATA")) {
                    data = true;
                } else if (data && text.equals(".")) {
                    data = false;
                    justSent = recipient;
                } else if (!data) {
                    if (upper.startsWith("NOOP")) {
                        noops.incrementAndGet();
                    }
                    justSent = upper.startsWith("NOOP") || upper.startsWith("RSET") ? justSent : null;
                }
                out.write(line.toByteArray());
                out.flush();
                line.reset();
            }
        } catch (IOException ignored) {
            // one side closed
        } finally {
            closeQuietly(client);
            closeQuietly(relay);
        }
    }

    private static boolean shouldDrop(Drop drop, String command, String justSent) {
        if (drop.afterTheMessage()) {
            return justSent != null && drop.addresses().contains(justSent);
        }
        return command.startsWith("RCPT TO:") && drop.addresses().contains(address(command));
    }

    private static String address(String rcpt) {
        int open = rcpt.indexOf('<');
        int close = rcpt.indexOf('>', open + 1);
        return (open >= 0 && close > open ? rcpt.substring(open + 1, close) : rcpt.substring(8).trim()).toLowerCase(Locale.ROOT);
    }

    private void closeQuietly(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    private static void daemon(Runnable body, String name) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }
}
