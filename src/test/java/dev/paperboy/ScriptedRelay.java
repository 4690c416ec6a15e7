package dev.paperboy;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A small real SMTP server whose answers a test scripts: it refuses chosen recipients for good (550), can be down
 * (421 to every connection), and can hold one mail's DATA until the test lets it go, then answer as told. It keeps
 * every mail it accepted. GreenMail accepts everything, so the failure paths of delivery need this one.
 */
public final class ScriptedRelay implements AutoCloseable {

    private final ServerSocket server;
    private final List<Accepted> accepted = new CopyOnWriteArrayList<>();
    private final Map<String, String> refused = new ConcurrentHashMap<>();
    private final Map<String, Hold> holds = new ConcurrentHashMap<>();
    private final List<Hold> allHolds = new CopyOnWriteArrayList<>();
    private volatile boolean down;

    public ScriptedRelay() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::acceptLoop, "scripted-relay");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Every mail to this address is refused at RCPT with a permanent 550 from now on. */
    public void refuse(String address) {
        refused.put(key(address), "550 5.1.1 <" + address + ">: mailbox unavailable");
    }

    /** The address takes mail again (its mailbox was fixed). */
    public void accept(String address) {
        refused.remove(key(address));
    }

    /** While down, every connection is answered 421 and closed, as a relay that is not serving. */
    public void down(boolean down) {
        this.down = down;
    }

    /** Runs {@code work} while the relay is down, and brings it back up whatever happens. */
    public void whileDown(Runnable work) {
        down(true);
        try {
            work.run();
        } finally {
            down(false);
        }
    }

    /**
     * The next mail to one of these addresses waits after its data has arrived until {@link Hold#release()}, and
     * then gets {@code reply} (a whole SMTP reply line, say "250 OK" or "451 try later"). Later mails are not held.
     */
    public Hold hold(Set<String> addresses, String reply) {
        Hold hold = new Hold(reply, addresses.stream().map(ScriptedRelay::key).collect(Collectors.toSet()));
        hold.addresses.forEach(address -> holds.put(address, hold));
        allHolds.add(hold);
        return hold;
    }

    /** Lets every held mail go and holds no more: a test that failed half-way leaves no sender hanging. */
    public void releaseHolds() {
        holds.clear();
        allHolds.forEach(Hold::release);
    }

    /** The mails accepted for this address, oldest first. */
    public List<MimeMessage> messagesTo(String address) {
        List<MimeMessage> mine = new ArrayList<>();
        for (Accepted mail : accepted) {
            if (mail.recipients.contains(key(address))) {
                mine.add(mail.message());
            }
        }
        return mine;
    }

    /** Waits until this address has received {@code count} mails, and returns them. */
    public List<MimeMessage> awaitMessagesTo(String address, int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            List<MimeMessage> mine = messagesTo(address);
            if (mine.size() >= count) {
                return mine;
            }
            pause(50);
        }
        return fail(count + " mail(s) for " + address + " did not arrive within 60 s; have " + messagesTo(address).size());
    }

    /** The plain-text part of a mail. */
    public static String text(MimeMessage message) {
        try {
            jakarta.mail.Multipart parts = (jakarta.mail.Multipart) message.getContent();
            return (String) parts.getBodyPart(0).getContent();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        releaseHolds();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread session = new Thread(() -> serve(socket), "scripted-relay-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream());
             OutputStream out = socket.getOutputStream()) {
            socket.setSoTimeout(120_000);
            if (down) {
                reply(out, "421 4.3.2 scripted relay is down");
                return;
            }
            reply(out, "220 scripted-relay ESMTP");
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = readLine(in)) != null) {
                String verb = line.length() < 4 ? line.toUpperCase(Locale.ROOT) : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO", "HELO" -> reply(out, "250 scripted-relay");
                    case "MAIL" -> {
                        recipients.clear();
                        reply(out, "250 2.1.0 OK");
                    }
                    case "RCPT" -> {
                        String address = key(line.substring(line.indexOf(':') + 1).replaceAll("[<>\\s]", ""));
                        String refusal = refused.get(address);
                        if (refusal != null) {
                            reply(out, refusal);
                        } else {
                            recipients.add(address);
                            reply(out, "250 2.1.5 OK");
                        }
                    }
                    case "DATA" -> {
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        byte[] data = readData(in);
                        reply(out, afterData(recipients, data));
                    }
                    case "RSET" -> {
                        recipients.clear();
                        reply(out, "250 2.0.0 OK");
                    }
                    case "NOOP" -> reply(out, "250 2.0.0 OK");
                    case "QUIT" -> {
                        reply(out, "221 2.0.0 bye");
                        return;
                    }
                    default -> reply(out, "502 5.5.2 not implemented");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private String afterData(List<String> recipients, byte[] data) {
        for (String recipient : recipients) {
            Hold hold = holds.remove(recipient);
            if (hold != null) {
                hold.addresses.forEach(address -> holds.remove(address, hold));
                hold.arrived(recipient);
                hold.await();
                if (!hold.reply.startsWith("250")) {
                    return hold.reply;
                }
            }
        }
        accepted.add(new Accepted(List.copyOf(recipients), data));
        return "250 2.0.0 queued";
    }

    /** A mail's DATA up to its ending dot line, each line's doubled leading dot made single, CRLF line ends. */
    public static byte[] readData(InputStream in) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        String line;
        while ((line = readLine(in)) != null && !line.equals(".")) {
            data.writeBytes((line.startsWith("..") ? line.substring(1) : line).getBytes(StandardCharsets.ISO_8859_1));
            data.writeBytes(new byte[]{'\r', '\n'});
        }
        return data.toByteArray();
    }

    /** One line without its CRLF, bytes kept as they are (ISO-8859-1), or null at the end of the stream. */
    public static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return null;
    }

    /** Sends one SMTP reply (its lines joined by CRLF) and flushes it. */
    public static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String key(String address) {
        return address.trim().toLowerCase(Locale.ROOT);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One mail held after its data: the test learns it arrived (and to whom), then lets it go. */
    public static final class Hold {
        private final String reply;
        private final Set<String> addresses;
        private final CountDownLatch arrived = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private volatile String recipient;

        private Hold(String reply, Set<String> addresses) {
            this.reply = reply;
            this.addresses = addresses;
        }

        private void arrived(String recipient) {
            this.recipient = recipient;
            arrived.countDown();
        }

        /** Whether the held mail's data has arrived. */
        public boolean arrived() {
            return arrived.getCount() == 0;
        }

        /** Waits until the held mail's data has arrived; returns the address it was for. */
        public String awaitArrival() {
            try {
                if (!arrived.await(60, TimeUnit.SECONDS)) {
                    fail("the held mail did not arrive within 60 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return recipient;
        }

        public void release() {
            released.countDown();
        }

        private void await() {
            try {
                released.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private record Accepted(List<String> recipients, byte[] data) {
        MimeMessage message() {
            try {
                return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(data));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Starts one relay for a test profile and hands it to the tests' fields of type {@link ScriptedRelay}. */
    public static final class Resource implements QuarkusTestResourceLifecycleManager {
        private ScriptedRelay relay;

        @Override
        public Map<String, String> start() {
            relay = new ScriptedRelay();
            return Map.of("paperboy.smtp.host", "127.0.0.1", "paperboy.smtp.port", Integer.toString(relay.port()));
        }

        @Override
        public void inject(TestInjector injector) {
            injector.injectIntoFields(relay, new TestInjector.MatchesType(ScriptedRelay.class));
        }

        @Override
        public void stop() {
            if (relay != null) {
                relay.close();
            }
        }
    }
}
