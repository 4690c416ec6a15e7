package dev.paperboy;

import io.quarkus.arc.Arc;
import io.quarkus.scheduler.Scheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test that keeps an expired sign-up: the job that deletes them runs 30 s after each start, and in a slow start it
 * deleted the test's sign-up before the test used it (a 404, not the 410 page). The job is held while each test runs.
 */
public interface HoldsExpiredSignUps {

    @BeforeEach
    default void holdTheExpiryJob() {
        Arc.container().instance(Scheduler.class).get().pause("expired-sign-ups");
    }

    @AfterEach
    default void releaseTheExpiryJob() {
        Arc.container().instance(Scheduler.class).get().resume("expired-sign-ups");
    }
}
