package io.plumbline.engine;

import java.nio.file.Path;
import java.time.Duration;

/**
 * @param workers       environments reconciled at once
 * @param pollInterval  how often the repository is fetched
 * @param jitter        share of the poll interval each wait may vary by
 * @param retryAttempts how often a failed reconcile of the same commit is tried again
 * @param retryBase     the first retry's delay; each further one doubles it, with jitter
 * @param stateDir      where history is kept across restarts
 * @param links         the service's public URL, for links in statuses
 */
public record EngineSettings(int workers, Duration pollInterval, double jitter, int retryAttempts,
                             Duration retryBase, Path stateDir, Links links) {
}
