package dev.paperboy.digest;

import java.util.Map;

/**
 * Paperboy as one node of a cluster, with a scripted relay: the delivery loop looks for work every half second while
 * a run is open (the tests' default is never), and the node plans one shard at a time.
 */
public class ClusterWakeProfile extends ScriptedRelayProfile {

    static final int SHARD_SIZE = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("paperboy.digest.wake-every", "500ms",
                "paperboy.digest.shards-per-node", "1",
                "paperboy.digest.shard-size", Integer.toString(SHARD_SIZE));
    }
}
