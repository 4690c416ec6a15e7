package dev.paperboy.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Generated secrets outlive a restart (links in mails already sent keep working); a key too short is refused. */
class SecretsTest {

    @TempDir
    Path dataDir;

    @Test
    void generatedSecretsAreKeptAcrossARestart() throws Exception {
        Secrets first = FixedSecrets.startIn(dataDir, Optional.empty(), Optional.empty());
        Path file = dataDir.resolve("secrets.properties");
        assertTrue(Files.exists(file), "generated into the data dir");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), "readable by Paperboy only");
        assertTrue(first.linkKey().length >= 16);
        assertTrue(first.adminToken().length() >= 24);

        Secrets restarted = FixedSecrets.startIn(dataDir, Optional.empty(), Optional.empty());
        assertArrayEquals(first.linkKey(), restarted.linkKey(), "the link key survives the restart: links mailed before it still open");
        assertEquals(first.adminToken(), restarted.adminToken());

        Secrets elsewhere = FixedSecrets.startIn(dataDir.resolve("other-node"), Optional.empty(), Optional.empty());
        assertFalse(Arrays.equals(first.linkKey(), elsewhere.linkKey()), "each data dir generates its own key");
    }

    @Test
    void aConfiguredSecretWinsAndIsNotWrittenDown() throws Exception {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 7);
        String configured = Base64.getEncoder().encodeToString(key);
        Secrets secrets = FixedSecrets.startIn(dataDir, Optional.of(configured), Optional.of("operator-token-0123456789"));
        assertArrayEquals(key, secrets.linkKey(), "standard base64 with padding is read too");
        assertEquals("operator-token-0123456789", secrets.adminToken());
        assertFalse(Files.exists(dataDir.resolve("secrets.properties")), "nothing generated, nothing written");
    }

    @Test
    void aKeyShorterThanSixteenBytesIsRefused() {
        for (int bytes : new int[]{0, 1, 8, 15}) {
            String shortKey = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[bytes]);
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> FixedSecrets.startIn(dataDir, Optional.of(shortKey), Optional.of("t")), bytes + " bytes");
            assertTrue(refused.getMessage().contains("at least 16"), refused.getMessage());
        }
        FixedSecrets.startIn(dataDir, Optional.of(Base64.getUrlEncoder().encodeToString(new byte[16])), Optional.of("t"));
    }

    @Test
    void aKeyThatIsNotBase64IsRefused() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> FixedSecrets.startIn(dataDir, Optional.of("not base64 at all!!"), Optional.of("t")));
        assertTrue(refused.getMessage().contains("base64"), refused.getMessage());
    }
}
