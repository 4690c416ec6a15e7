package dev.paperboy.mail;

import dev.paperboy.mail.dkim.DkimSigning;
import dev.paperboy.system.PaperboyConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Properties;
import java.util.function.IntFunction;

/** Opens the way out for mail: the configured SMTP relay, or the local outbox when there is none. */
@Startup // a bad PAPERBOY_FEEDBACK_ID stops the start, not the first mail
@ApplicationScoped
public class MailGateway {

    private final PaperboyConfig.Smtp smtp;
    private final Outbox outbox;
    private final InternetAddress from;
    private final Session session;
    private final MimeMessages messages;

    MailGateway(PaperboyConfig config, Outbox outbox, DkimSigning dkim) throws AddressException {
        this.smtp = config.smtp();
        this.outbox = outbox;
        this.from = new InternetAddress(config.mailFrom(), true);
        Properties properties = sessionProperties(smtp);
        // the envelope sender, as the relay would otherwise be told from each message's From header, parsed again
        // for every mail
        properties.setProperty("mail.smtp.from", from.getAddress());
        this.session = Session.getInstance(properties);
        this.messages = new MimeMessages(session, from, config.feedbackId().map(MailGateway::checkedFeedbackId).orElse(null),
                dkim);
    }

    /** The operator's Feedback-ID: a short run of printable ASCII, as mailbox providers read it. */
    private static String checkedFeedbackId(String value) {
        if (!value.matches("[\\x21-\\x7e]{1,200}")) {
            throw new IllegalArgumentException("PAPERBOY_FEEDBACK_ID must be 1-200 printable ASCII characters "
                    + "without spaces, such as paperboy:example.org");
        }
        return value;
    }

    public MailConnection open() {
        if (smtp.host().isEmpty()) {
            return new OutboxConnection(messages, outbox);
        }
        return new SmtpConnection(session, messages, new SmtpConnection.SmtpSettings(smtp.host().get(), smtp.port(),
                smtp.username().orElse(null), smtp.password().orElse(null)));
    }

    /** Sends one mail on a connection of its own. */
    public void sendOne(MailContent mail) throws MailFailure {
        try (MailConnection connection = open()) {
            connection.send(mail);
        }
    }

    /**
     * The mail with as many of its leading items as fit under {@link MailSize#LIMIT} once encoded:
     * {@code withFirst.apply(n)} is the mail showing the first {@code n} of {@code count}.
     */
    public MailContent largestFitting(IntFunction<MailContent> withFirst, int count) {
        return fitting(withFirst.apply(count), withFirst, count);
    }

    /**
     * As {@link #largestFitting}, with the mail of all {@code count} items already made by the caller: the usual mail
     * surely fits, and a caller that makes it itself keeps the hot path one call deep. Through the lambda, the JIT
     * compiled the ~40 KB mail once more inlined at each level above it (this bean's proxy, this method, the lambda:
     * up to four copies a run); the halving in MailSize is compiled only when it is used.
     */
    public MailContent fitting(MailContent all, IntFunction<MailContent> withFirst, int count) {
        return MailSize.surelyFits(all) ? all : MailSize.largestFitting(messages, withFirst, count, all);
    }

    /** The message Paperboy writes for this mail, as it goes out (signed when DKIM is configured). */
    public byte[] written(MailContent mail) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        messages.compose(mail).writeTo(out);
        return out.toByteArray();
    }

    /** The host part of the sender address, for Message-IDs. */
    public String senderDomain() {
        String address = from.getAddress();
        return address.substring(address.indexOf('@') + 1);
    }

    private static Properties sessionProperties(PaperboyConfig.Smtp smtp) {
        Properties properties = new Properties();
        String timeout = Long.toString(smtp.timeout().toMillis());
        properties.setProperty("mail.smtp.connectiontimeout", timeout);
        properties.setProperty("mail.smtp.timeout", timeout);
        // the write deadline is the sockets' own (not mail.smtp.writetimeout: a thread and a task per write)
        properties.put("mail.smtp.socketFactory", new NoDelaySockets(smtp.timeout()));
        smtp.username().ifPresent(user -> properties.setProperty("mail.smtp.auth", "true"));
        if (smtp.starttls()) {
            properties.setProperty("mail.smtp.starttls.enable", "true");
            properties.setProperty("mail.smtp.starttls.required", "true");
        }
        return properties;
    }
}
