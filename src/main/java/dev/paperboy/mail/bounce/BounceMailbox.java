package dev.paperboy.mail.bounce;

import dev.paperboy.system.PaperboyConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The mailbox that bounces come back to, read over IMAP or POP3 (PAPERBOY_BOUNCE_*). Each delivery status
 * notification is handed over and then deleted; other mail (auto-replies and the like) is left where it is. Its
 * settings are checked at start, so a wrong protocol stops Paperboy with the reason rather than every reading.
 */
@Startup
@ApplicationScoped
public class BounceMailbox {

    private static final Logger LOG = Logger.getLogger(BounceMailbox.class);
    private static final Set<String> PROTOCOLS = Set.of("imap", "imaps", "pop3", "pop3s");

    /** What is done with each bounce read; a handler that throws leaves its message for the next reading. */
    @FunctionalInterface
    public interface Handler {
        void handle(Bounce bounce);
    }

    /** Where the mailbox is. */
    public record Settings(String protocol, String host, int port, String username, String password) {
    }

    private final Optional<Settings> configured;

    BounceMailbox(PaperboyConfig config) {
        this.configured = settings(config.bounce());
    }

    public Optional<Settings> configured() {
        return configured;
    }

    /** Reads the configured mailbox, if there is one; returns how many notifications were handled. */
    public int read(Handler handler) {
        return configured.map(settings -> read(settings, handler)).orElse(0);
    }

    public int read(Settings settings, Handler handler) {
        Properties properties = new Properties();
        properties.setProperty("mail." + settings.protocol() + ".connectiontimeout", "30000");
        properties.setProperty("mail." + settings.protocol() + ".timeout", "30000");
        Session session = Session.getInstance(properties);
        int handled = 0;
        try (Store store = session.getStore(settings.protocol())) {
            store.connect(settings.host(), settings.port(), settings.username(), settings.password());
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            try {
                for (Message message : inbox.getMessages()) {
                    if (handle((MimeMessage) message, handler)) {
                        message.setFlag(Flags.Flag.DELETED, true);
                        handled++;
                    }
                }
            } finally {
                inbox.close(true); // expunges (IMAP) or deletes on QUIT (POP3) what was marked
            }
        } catch (MessagingException e) {
            LOG.warnf("Could not read the bounce mailbox %s://%s:%d: %s", settings.protocol(), settings.host(),
                    settings.port(), e.getMessage());
        }
        return handled;
    }

    /** True when the message was a notification and every bounce in it was handled. */
    private static boolean handle(MimeMessage message, Handler handler) {
        List<Bounce> bounces;
        try {
            bounces = DsnParser.parse(message);
        } catch (MessagingException | IOException e) {
            LOG.debugf("Not a readable delivery status notification: %s", e.getMessage());
            return false;
        }
        if (bounces.isEmpty()) {
            return false;
        }
        try {
            bounces.forEach(handler::handle);
            return true;
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not record a bounce; the notification stays for the next reading");
            return false;
        }
    }

    static Optional<Settings> settings(PaperboyConfig.Bounce bounce) {
        if (bounce.host().isEmpty()) {
            return Optional.empty();
        }
        String protocol = bounce.protocol().toLowerCase(java.util.Locale.ROOT);
        if (!PROTOCOLS.contains(protocol)) {
            throw new IllegalArgumentException("PAPERBOY_BOUNCE_PROTOCOL must be one of imap, imaps, pop3, pop3s, not "
                    + bounce.protocol());
        }
        int port = bounce.port().orElse(switch (protocol) {
            case "imap" -> 143;
            case "imaps" -> 993;
            case "pop3" -> 110;
            default -> 995;
        });
        return Optional.of(new Settings(protocol, bounce.host().get(), port, bounce.username().orElse(null),
                bounce.password().orElse(null)));
    }
}
