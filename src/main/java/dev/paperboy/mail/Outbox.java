package dev.paperboy.mail;

import dev.paperboy.system.PaperboyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The local outbox: every mail as an .eml file under {@code <data dir>/outbox}, when no SMTP relay is set. */
@ApplicationScoped
public class Outbox {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    private static final Pattern FILE_NAME = Pattern.compile("[0-9]{8}-[0-9]{6}-[0-9]{3}-[0-9]+-[a-z]+\\.eml");
    private static final AtomicLong SEQUENCE = new AtomicLong();
    /** By the name's instant, then its sequence as a number: mails of one millisecond stay in the order written. */
    private static final Comparator<String> NEWEST_FIRST = Comparator.<String, String>comparing(name -> name.substring(0, 19))
            .thenComparingLong(name -> Long.parseLong(name.substring(20, name.indexOf('-', 20)))).reversed();

    private final Path directory;

    @Inject
    Outbox(PaperboyConfig config) {
        this(Path.of(config.dataDir()).toAbsolutePath().resolve("outbox"));
    }

    Outbox(Path directory) {
        this.directory = directory;
    }

    /** Writes the message whole or not at all: to a temporary file first, then renamed. */
    void write(MimeMessage message, String kind) throws IOException, MessagingException {
        Files.createDirectories(directory);
        String name = STAMP.format(Instant.now()) + "-" + SEQUENCE.incrementAndGet() + "-" + kind + ".eml";
        Path temporary = Files.createTempFile(directory, "writing-", ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            message.writeTo(out);
        }
        Files.move(temporary, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * One page of the outbox, newest first: at most {@code size} mails older than {@code before} (a file name from an
     * earlier page; null or not a file name: the newest), each read for its list row by its headers alone. After a
     * digest run the outbox holds a mail per subscriber: parsing every one whole on each view took 12-28 s for 9,000.
     */
    public OutboxPage page(String before, int size) {
        List<String> names = names();
        boolean after = before != null && FILE_NAME.matcher(before).matches();
        int from = 0;
        while (after && from < names.size() && NEWEST_FIRST.compare(names.get(from), before) <= 0) {
            from++;
        }
        int to = Math.min(names.size(), from + size);
        List<OutboxMail> mails = names.subList(from, to).stream().map(this::summary).flatMap(Optional::stream).toList();
        return new OutboxPage(mails, names.size(), from, to < names.size() ? names.get(to - 1) : null);
    }

    /** The names of the mail files, newest first. */
    private List<String> names() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> FILE_NAME.matcher(name).matches())
                    .sorted(NEWEST_FIRST)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<OutboxMail> summary(String name) {
        try (InputStream in = Files.newInputStream(directory.resolve(name))) {
            return Optional.of(OutboxMail.summary(name, new InternetHeaders(in)));
        } catch (IOException | MessagingException e) {
            return Optional.empty(); // removed since it was listed, or not a mail
        }
    }

    /** One mail by its file name; empty for any name that is not an outbox file. */
    public Optional<OutboxMail> read(String name) {
        if (name == null || !FILE_NAME.matcher(name).matches() || !Files.exists(directory.resolve(name))) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(directory.resolve(name))) {
            return Optional.of(OutboxMail.of(name, new MimeMessage(Session.getInstance(new java.util.Properties()), in)));
        } catch (IOException | MessagingException e) {
            return Optional.empty();
        }
    }
}
