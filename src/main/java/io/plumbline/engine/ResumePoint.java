package io.plumbline.engine;

import java.util.Optional;

/** Where a restarted service left off: the commit each environment was last reconciled at without failing. */
public interface ResumePoint {
    Optional<String> lastCommit(String environment);
}
