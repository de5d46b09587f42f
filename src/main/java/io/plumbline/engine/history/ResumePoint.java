package io.plumbline.engine.history;

import java.util.Optional;

/** Where a restarted service left off. */
public interface ResumePoint {
    /** A first start: nothing was reconciled before. */
    ResumePoint FRESH = new ResumePoint() {
        @Override
        public Optional<String> lastCommit(String environment) {
            return Optional.empty();
        }

        @Override
        public Optional<String> lastAppliedCommit(String environment) {
            return Optional.empty();
        }
    };

    /** The commit the environment was last reconciled at without failing: not reconciled again at start. */
    Optional<String> lastCommit(String environment);

    /** The commit last applied: later heads must descend from it. */
    Optional<String> lastAppliedCommit(String environment);

    /** The commit last reconciled successfully: what a rollback on failed health goes back to. */
    default Optional<String> lastSucceededCommit(String environment) {
        return Optional.empty();
    }
}
