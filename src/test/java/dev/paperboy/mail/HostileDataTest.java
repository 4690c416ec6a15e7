package dev.paperboy.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Text that looks like the end of DATA or breaks its lines (a line of one dot, lines starting with dots, bare CR and
 * LF, a last line without an end) reaches a real relay whole through the direct DATA path, on one connection.
 */
class HostileDataTest {

    private static final String[] BODIES = {
            "first line\n.\nafter a lone dot\n..two dots\n...three\rbare CR\n\rLF then CR\r\n.\r\nno end",
            ".starts with a dot\n" + "x".repeat(70) + "\n." + "y".repeat(9) + "\n\n\n.",
            "short"};

    @Test
    void aRelayReceivesHostileTextExactly() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        GreenMail relay = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        relay.start();
        try {
            Properties properties = new Properties();
            properties.put("mail.smtp.socketFactory", new NoDelaySockets(Duration.ofSeconds(20)));
            Session session = Session.getInstance(properties);
            Transport transport = new DirectDataTransport(session);
            transport.connect("127.0.0.1", port, null, null);
            try {
                for (int i = 0; i < BODIES.length; i++) {
                    transport.sendMessage(message(session, i), new InternetAddress[] {to(i)});
                }
            } finally {
                transport.close();
            }
            MimeMessage[] received = relay.getReceivedMessages();
            assertEquals(BODIES.length, received.length);
            for (int i = 0; i < BODIES.length; i++) {
                ByteArrayOutputStream written = new ByteArrayOutputStream();
                message(session, i).writeTo(written);
                String sent = written.toString(StandardCharsets.ISO_8859_1);
                String body = sent.substring(sent.indexOf("\r\n\r\n") + 4);
                assertEquals(crlf(body), crlf(GreenMailUtil.getBody(received[i])) , "message " + i);
            }
        } finally {
            relay.stop();
        }
    }

    private static MimeMessage message(Session session, int i) throws Exception {
        MimeMessage message = new MimeMessage(session);
        message.setFrom("digest@localhost");
        message.setRecipient(Message.RecipientType.TO, to(i));
        message.setSubject("hostile " + i);
        message.setText(BODIES[i], "US-ASCII");
        message.setHeader("Message-ID", "<hostile-" + i + "@localhost>");
        message.saveChanges();
        message.setHeader("Message-ID", "<hostile-" + i + "@localhost>");
        return message;
    }

    private static InternetAddress to(int i) throws Exception {
        return new InternetAddress("reader" + i + "@localhost");
    }

    /** Every line ending as it goes over the wire (CRLF), and no trailing one: the relay keeps what DATA carried. */
    private static String crlf(String text) {
        String normal = text.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
        return normal.endsWith("\r\n") ? normal.substring(0, normal.length() - 2) : normal;
    }
}
