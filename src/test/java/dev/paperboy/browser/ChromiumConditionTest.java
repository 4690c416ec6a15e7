package dev.paperboy.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When the browser tests run, skip (naming the install command), or must run. */
class ChromiumConditionTest {

    @TempDir
    Path bin;

    private void executable(String name) throws IOException {
        Files.writeString(Files.createFile(bin.resolve(name),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x"))), "#!/bin/sh\n");
    }

    @Test
    void withoutChromiumOnThePathTheTestsAreSkippedWithTheInstallCommand() throws IOException {
        executable("chromedriver");
        var result = ChromiumCondition.decide(Map.of("PATH", bin.toString()));
        assertTrue(result.isDisabled());
        assertTrue(result.getReason().orElseThrow().contains("apt-get install chromium chromium-driver"), result.getReason().get());
        assertTrue(result.getReason().get().contains("chromium is not on the PATH"), result.getReason().get());
    }

    @Test
    void withNeitherOnThePathBothAreNamed() {
        var result = ChromiumCondition.decide(Map.of("PATH", bin + ":/nonexistent"));
        assertTrue(result.isDisabled());
        assertTrue(result.getReason().orElseThrow().contains("chromium and chromedriver are not on the PATH"));
    }

    @Test
    void underCiTheyAreNeverSkippedEvenWithoutChromium() {
        assertFalse(ChromiumCondition.decide(Map.of("PATH", bin.toString(), "CI", "true")).isDisabled());
    }

    @Test
    void withBothOnThePathTheyRun() throws IOException {
        executable("chromium");
        executable("chromedriver");
        assertFalse(ChromiumCondition.decide(Map.of("PATH", "/nonexistent:" + bin)).isDisabled());
        Files.setPosixFilePermissions(bin.resolve("chromium"), PosixFilePermissions.fromString("rw-r--r--"));
        assertTrue(ChromiumCondition.decide(Map.of("PATH", bin.toString())).isDisabled(), "a file that cannot run is no browser");
    }
}
