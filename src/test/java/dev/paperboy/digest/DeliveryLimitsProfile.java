package dev.paperboy.digest;

import java.util.Map;

/**
 * Paperboy with its own database and a scripted relay, with small limits a test can reach: runs split into shards
 * of a few subscribers, two senders, and three messages in flight.
 */
public class DeliveryLimitsProfile extends ScriptedRelayProfile {

    static final int IN_FLIGHT = 3;
    static final int SHARD_SIZE = 4;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("paperboy.delivery-in-flight", Integer.toString(IN_FLIGHT),
                "paperboy.delivery-senders", "2",
                "paperboy.digest.shard-size", Integer.toString(SHARD_SIZE));
    }
}
