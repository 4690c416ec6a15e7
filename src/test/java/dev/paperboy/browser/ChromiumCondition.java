package dev.paperboy.browser;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the browser tests where Debian's Chromium and its driver are installed; elsewhere skips them with the command
 * that installs them, as Testcontainers does without Docker, so README's test command passes on a fresh machine.
 * Under CI ({@code CI=true}, where .ci/run installs them) they always run: a missing browser fails there.
 */
public class ChromiumCondition implements ExecutionCondition {

    static final String INSTALL = "apt-get install chromium chromium-driver";

    private static final AtomicBoolean TOLD = new AtomicBoolean();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        ConditionEvaluationResult result = decide(System.getenv());
        if (result.isDisabled() && TOLD.compareAndSet(false, true)) {
            // the build's console shows no skip reason by itself; say once what to install
            System.err.println("[paperboy] " + result.getReason().orElse(""));
        }
        return result;
    }

    static ConditionEvaluationResult decide(Map<String, String> environment) {
        if ("true".equalsIgnoreCase(environment.getOrDefault("CI", ""))) {
            return ConditionEvaluationResult.enabled("CI=true: browser tests always run");
        }
        Optional<Path> browser = onPath("chromium", environment);
        Optional<Path> driver = onPath("chromedriver", environment);
        if (browser.isPresent() && driver.isPresent()) {
            return ConditionEvaluationResult.enabled("Chromium at " + browser.get() + ", driver at " + driver.get());
        }
        String missing = browser.isEmpty() && driver.isEmpty() ? "chromium and chromedriver are"
                : browser.isEmpty() ? "chromium is" : "chromedriver is";
        return ConditionEvaluationResult.disabled("Browser tests skipped: " + missing + " not on the PATH. Install them"
                + " with `" + INSTALL + "` (as .ci/run does) to run them; with CI=true they are never skipped.");
    }

    /** The executable {@code name} in one of the PATH's directories. */
    static Optional<Path> onPath(String name, Map<String, String> environment) {
        String path = environment.getOrDefault("PATH", "");
        for (String directory : path.split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
