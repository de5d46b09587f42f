package io.plumbline.engine.plan;

/**
 * What an apply is doing while it runs, provider by provider: {@code apply} shows it on a terminal. Calls come from
 * the applying thread; an implementation must not block it.
 */
public interface Progress {
    Progress NONE = new Progress() {
    };

    /** {@code provider} now does {@code what}: applies its changes, or waits for what it applied to be healthy. */
    default void step(String provider, String what) {
    }

    /** The apply is over, or stopped: nothing is awaited any more. */
    default void finished() {
    }
}
