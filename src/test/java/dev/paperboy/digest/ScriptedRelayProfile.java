package dev.paperboy.digest;

import dev.paperboy.ScriptedRelay;
import dev.paperboy.TestServers;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/**
 * Paperboy with its own database and a {@link ScriptedRelay} as SMTP relay, for the failure paths and races of
 * deciding and sending: the tests of this profile are the only ones whose subscribers its runs serve.
 */
public class ScriptedRelayProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(TestServers.class, Map.of(TestServers.SMTP, "false")),
                new TestResourceEntry(ScriptedRelay.Resource.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
