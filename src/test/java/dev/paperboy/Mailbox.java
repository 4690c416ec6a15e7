package dev.paperboy;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.fail;

/** One address's mail on GreenMail, read the way a mail client reads it. */
public final class Mailbox {

    private final GreenMail greenMail;
    private final String address;

    public Mailbox(GreenMail greenMail, String address) {
        this.greenMail = greenMail;
        this.address = address;
    }

    public List<MimeMessage> messages() {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(this::isForMe).toList();
    }

    /** Waits until the mailbox holds {@code count} mails and returns the newest. */
    public Mail awaitMail(int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            List<MimeMessage> messages = messages();
            if (messages.size() >= count) {
                return new Mail(messages.get(count - 1));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return fail("no mail number " + count + " for " + address + " within 30 s; have " + messages().size());
    }

    private boolean isForMe(MimeMessage message) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (Exception e) {
            return false;
        }
    }

    /** One received mail: headers, both parts, the links in them. */
    public record Mail(MimeMessage message) {

        private static final Pattern REFERENCE = Pattern.compile("&#([0-9]{1,7});");

        public String header(String name) {
            try {
                return message.getHeader(name, ",");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        public String subject() {
            try {
                return message.getSubject();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        public String contentType() {
            try {
                return message.getContentType();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        public String text() {
            return part(0, "text/plain");
        }

        /** The text part with every run of white space as one space: the text part wraps long lines (titles, abstracts). */
        public String flatText() {
            return text().replaceAll("\\s+", " ");
        }

        /**
         * The HTML part with the characters it writes as numeric references (it goes out in 7-bit ASCII) read back as
         * a browser reads them; the references HTML needs ({@code &#39;}, {@code &lt;} ...) stay as written.
         */
        public String html() {
            return REFERENCE.matcher(part(1, "text/html")).replaceAll(m -> Integer.parseInt(m.group(1)) < 0x80
                    ? Matcher.quoteReplacement(m.group()) : Character.toString(Integer.parseInt(m.group(1))));
        }

        private String part(int index, String type) {
            try {
                Multipart parts = (Multipart) message.getContent();
                BodyPart part = parts.getBodyPart(index);
                if (!part.isMimeType(type)) {
                    return fail("part " + index + " is " + part.getContentType() + ", not " + type);
                }
                return (String) part.getContent();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /** The path of the first link labelled {@code label} ("Less like this:" and the URL on the next line) after {@code text}. */
        public String linkAfter(String text, String label) {
            String plain = text();
            int at = plain.indexOf(text);
            Matcher m = Pattern.compile(Pattern.quote(label) + ":\\s+https?://[^/\\s]+(/\\S+)").matcher(plain);
            return at >= 0 && m.find(at) ? m.group(1) : fail("no " + label + " link after " + text + " in:\n" + plain);
        }

        /** The path (after the host) of the first link in the text part that starts with {@code prefix}. */
        public String linkPath(String prefix) {
            Matcher m = Pattern.compile("https?://[^/\\s]+(" + Pattern.quote(prefix) + "[^\\s<>\"]*)").matcher(text());
            return m.find() ? m.group(1) : fail("no " + prefix + " link in:\n" + text());
        }
    }
}
