package dev.paperboy.mail;

import dev.paperboy.system.PaperboyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.util.Properties;

/** Opens the way out for mail: the configured SMTP relay, or the local outbox when there is none. */
@ApplicationScoped
public class MailGateway {

    private final PaperboyConfig.Smtp smtp;
    private final Outbox outbox;
    private final InternetAddress from;
    private final Session session;

    MailGateway(PaperboyConfig config, Outbox outbox) throws AddressException {
        this.smtp = config.smtp();
        this.outbox = outbox;
        this.from = new InternetAddress(config.mailFrom(), true);
        this.session = Session.getInstance(sessionProperties(smtp));
    }

    public MailConnection open() {
        if (smtp.host().isEmpty()) {
            return new OutboxConnection(session, from, outbox);
        }
        return new SmtpConnection(session, from, new SmtpConnection.SmtpSettings(smtp.host().get(), smtp.port(),
                smtp.username().orElse(null), smtp.password().orElse(null)));
    }

    /** Sends one mail on a connection of its own. */
    public void sendOne(MailContent mail) throws MailFailure {
        try (MailConnection connection = open()) {
            connection.send(mail);
        }
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
        properties.setProperty("mail.smtp.writetimeout", timeout);
        smtp.username().ifPresent(user -> properties.setProperty("mail.smtp.auth", "true"));
        if (smtp.starttls()) {
            properties.setProperty("mail.smtp.starttls.enable", "true");
            properties.setProperty("mail.smtp.starttls.required", "true");
        }
        return properties;
    }
}
