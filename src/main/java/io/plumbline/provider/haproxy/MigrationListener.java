package io.plumbline.provider.haproxy;

/** Told where each migration by steps stands (the service counts it in its metrics). */
public interface MigrationListener {
    MigrationListener NONE = new MigrationListener() {
    };

    /** The backend's migration now sends {@code percent} of its traffic to its new servers. */
    default void step(String environment, String backend, int percent) {
    }

    /** The backend's migration failed its analysis and went back to its last good step. */
    default void aborted(String environment, String backend) {
    }
}
