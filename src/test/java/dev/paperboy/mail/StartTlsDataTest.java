package dev.paperboy.mail;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.paperboy.ScriptedRelay.readData;
import static dev.paperboy.ScriptedRelay.readLine;
import static dev.paperboy.ScriptedRelay.reply;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A relay that requires STARTTLS gets every message whole, inside TLS, in the bytes a plain relay gets: the transport
 * writes DATA straight to the socket only on plain connections, and a TLS one must keep Angus' stream (GreenMail, the
 * suite's relay, offers no STARTTLS).
 */
class StartTlsDataTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path keys;
    private static SSLContext serverTls;

    @BeforeAll
    static void selfSignedCertificate() throws Exception {
        Path store = keys.resolve("relay.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "relay", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        String said = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, keytool.waitFor(), said);
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, PASSWORD);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keyStore, PASSWORD);
        serverTls = SSLContext.getInstance("TLS");
        serverTls.init(keyManagers.getKeyManagers(), null, null);
    }

    @AfterAll
    static void forget() {
        serverTls = null;
    }

    @Test
    void aRelayRequiringStartTlsGetsTheSameDataAsAPlainOne() throws Exception {
        List<MimeMessage> messages = List.of(message("first", "hello\n.a line with one dot\n..two dots\nthe end"),
                message("second", ".\n" + "a long line ".repeat(500) + "\nlast line without an end"),
                message("third", "short"));
        try (Relay tlsRelay = new Relay(true); Relay plainRelay = new Relay(false)) {
            sendAll(tlsRelay, true, messages);
            sendAll(plainRelay, false, messages);

            assertTrue(tlsRelay.sawStartTls, "the client started TLS");
            assertEquals(messages.size(), tlsRelay.data.size());
            assertEquals(messages.size(), plainRelay.data.size());
            for (int i = 0; i < messages.size(); i++) {
                assertArrayEquals(plainRelay.data.get(i), tlsRelay.data.get(i), "message " + i);
                ByteArrayOutputStream written = new ByteArrayOutputStream();
                messages.get(i).writeTo(written);
                assertEquals(asSent(written.toString(StandardCharsets.ISO_8859_1)),
                        new String(tlsRelay.data.get(i), StandardCharsets.ISO_8859_1), "message " + i);
            }
        }
    }

    /** Three messages on one connection, as a sender reuses it. */
    private static void sendAll(Relay relay, boolean startTls, List<MimeMessage> messages) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.socketFactory", new NoDelaySockets(Duration.ofSeconds(20)));
        properties.setProperty("mail.smtp.timeout", "20000");
        if (startTls) {
            properties.setProperty("mail.smtp.starttls.enable", "true");
            properties.setProperty("mail.smtp.starttls.required", "true");
            properties.setProperty("mail.smtp.ssl.trust", "localhost");
        }
        Transport transport = new DirectDataTransport(Session.getInstance(properties));
        transport.connect("localhost", relay.port(), null, null);
        try {
            for (MimeMessage message : messages) {
                transport.sendMessage(message, message.getAllRecipients());
            }
        } finally {
            transport.close();
        }
    }

    private static MimeMessage message(String subject, String text) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("digest@paperboy.test"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("ada@example.org"));
        message.setSubject(subject);
        message.setText(text, "UTF-8");
        message.saveChanges(); // once: both relays get the same headers
        return message;
    }

    /** A message's text as SMTP carries it: CRLF line ends, a last line ended. */
    private static String asSent(String written) {
        String crlf = written.replaceAll("\r?\n", "\r\n");
        return crlf.endsWith("\r\n") ? crlf : crlf + "\r\n";
    }

    /** A one-connection-at-a-time SMTP relay; with {@code requireTls} it offers STARTTLS and refuses MAIL before it. */
    private static final class Relay implements AutoCloseable {

        private final ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        private final boolean requireTls;
        private final List<byte[]> data = new CopyOnWriteArrayList<>();
        private volatile boolean sawStartTls;

        Relay(boolean requireTls) throws IOException {
            this.requireTls = requireTls;
            Thread thread = new Thread(this::serve, "starttls-relay");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void serve() {
            while (!server.isClosed()) {
                try (Socket accepted = server.accept()) {
                    accepted.setSoTimeout(20_000);
                    session(accepted);
                } catch (IOException e) {
                    // closed, or the client went away: the test's assertions say what was missing
                }
            }
        }

        private void session(Socket plain) throws IOException {
            Socket socket = plain;
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            boolean tls = false;
            reply(out, "220 starttls-relay ESMTP");
            String line;
            while ((line = readLine(in)) != null) {
                String verb = line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
                switch (verb) {
                    case "EHLO" -> reply(out, requireTls && !tls ? "250-starttls-relay\r\n250 STARTTLS"
                            : "250-starttls-relay\r\n250 8BITMIME");
                    case "STAR" -> {
                        reply(out, "220 2.0.0 ready to start TLS");
                        SSLSocket secured = (SSLSocket) serverTls.getSocketFactory()
                                .createSocket(socket, "localhost", socket.getPort(), true);
                        secured.setUseClientMode(false);
                        secured.startHandshake();
                        socket = secured;
                        in = new BufferedInputStream(socket.getInputStream());
                        out = socket.getOutputStream();
                        tls = true;
                        sawStartTls = true;
                    }
                    case "MAIL" -> reply(out, requireTls && !tls ? "530 5.7.0 must issue a STARTTLS command first"
                            : "250 2.1.0 OK");
                    case "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
                    case "DATA" -> {
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        data.add(readData(in));
                        reply(out, "250 2.0.0 queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "502 5.5.2 not here");
                }
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
