package dev.paperboy.digest;

import io.quarkus.test.Mock;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** The node's lease clock in the tests: a test moves it on, as if the node had stalled that long. */
@Mock
@ApplicationScoped
class MovableLeaseClock extends LeaseClock {

    private final AtomicLong moved = new AtomicLong();

    @Override
    long nanos() {
        return super.nanos() + moved.get();
    }

    /** Time passes on this clock without passing anywhere else. */
    void pass(Duration time) {
        moved.addAndGet(time.toNanos());
    }
}
