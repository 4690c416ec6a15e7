package dev.paperboy.mail;

import dev.paperboy.system.PaperboyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
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

    private final Path directory;

    Outbox(PaperboyConfig config) {
        this.directory = Path.of(config.dataDir()).toAbsolutePath().resolve("outbox");
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

    /** The mails in the outbox, newest first. */
    public List<OutboxMail> list() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> FILE_NAME.matcher(name).matches())
                    .sorted(Comparator.reverseOrder())
                    .map(this::read)
                    .flatMap(Optional::stream)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
