package dev.paperboy.system;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;

/** {@code <data dir>/secrets.properties}: the generated admin token, link key and database password, readable by Paperboy's user only. */
final class SecretsFile {

    private final Path file;

    SecretsFile(Path dataDir) {
        this.file = dataDir.toAbsolutePath().resolve("secrets.properties");
    }

    Path path() {
        return file;
    }

    Properties load() {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        return properties;
    }

    void save(Properties properties) {
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            try (Writer writer = Files.newBufferedWriter(file)) {
                properties.store(writer, "Paperboy secrets: keep this file private and out of backups of the database");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
