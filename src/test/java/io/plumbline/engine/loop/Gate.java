package io.plumbline.engine.loop;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Holds one provider call (an observe, an apply, a health wait) until the test opens it. */
final class Gate {
    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch open = new CountDownLatch(1);

    /** Called by the held call: waits until the test opens the gate. */
    void pass() {
        reached.countDown();
        try {
            if (!open.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("gate never opened");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted at a gate", e);
        }
    }

    /** Waits until a call is held here. */
    Gate awaitReached() {
        await().atMost(Duration.ofSeconds(30)).until(() -> reached.getCount() == 0);
        return this;
    }

    /** Whether a call is held here now (or was). */
    boolean reached() {
        return reached.getCount() == 0;
    }

    void open() {
        open.countDown();
    }
}
