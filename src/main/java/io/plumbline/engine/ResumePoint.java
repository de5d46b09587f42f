package io.plumbline.engine;

import java.util.Optional;

/** Where a restarted service left off. */
public interface ResumePoint {
    /** The commit the environment was last reconciled at without failing: not reconciled again at start. */
    Optional<String> lastCommit(String environment);

    /** The commit last applied: later heads must descend from it. */
    Optional<String> lastAppliedCommit(String environment);
}
