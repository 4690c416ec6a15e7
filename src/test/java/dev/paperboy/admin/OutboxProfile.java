package dev.paperboy.admin;

import dev.paperboy.TestServers;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/** Paperboy as a newcomer runs it: no SMTP relay, so mail goes to the local outbox. */
public class OutboxProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(TestServers.class, Map.of(TestServers.SMTP, "false")));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
