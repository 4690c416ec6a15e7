package dev.paperboy.subscriber;

import dev.paperboy.TestServers;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/** Low rate limits, this host as a trusted proxy, client addresses kept, and an SMTP relay that hangs. */
public class AbuseLimitsProfile implements QuarkusTestProfile {

    static final int SIGNUPS = 3;
    static final int PREVIEWS = 5;
    public static final int WRONG_ADMIN_TOKENS = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "paperboy.rate-limit.signup-requests", Integer.toString(SIGNUPS),
                "paperboy.rate-limit.signup-per", "1h",
                "paperboy.rate-limit.preview-requests", Integer.toString(PREVIEWS),
                "paperboy.rate-limit.preview-per", "1h",
                "paperboy.rate-limit.admin-failures", Integer.toString(WRONG_ADMIN_TOKENS),
                "paperboy.rate-limit.admin-failures-per", "1h",
                "paperboy.trusted-proxies", "127.0.0.1,::1",
                "paperboy.record-signup-ip", "true",
                // longer than any test waits: a send that blocked the answer would show
                "paperboy.smtp.timeout", "10m");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(TestServers.class, Map.of(TestServers.SMTP, "hang")));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
