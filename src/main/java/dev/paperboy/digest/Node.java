package dev.paperboy.digest;

import jakarta.enterprise.context.ApplicationScoped;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

import java.util.UUID;

/** This node as runs name it: its Quartz instance id and this boot (a fixed instance id restarted is another node). */
@ApplicationScoped
class Node {

    private static final String BOOT = "/" + UUID.randomUUID();

    private final String schedulerName;
    private final String instanceId;

    Node(Scheduler quartz) throws SchedulerException {
        this.schedulerName = quartz.getSchedulerName();
        this.instanceId = quartz.getSchedulerInstanceId();
    }

    String name() {
        return instanceId + BOOT;
    }

    void finishSettledRuns(RunRecords runs) {
        runs.finishSettled(name(), schedulerName, instanceId, BOOT.length());
    }
}
