package io.plumbline.engine;

import io.plumbline.engine.loop.Links;
import io.plumbline.model.Backoff;
import java.nio.file.Path;
import java.time.Duration;

/**
 * @param workers      environments reconciled at once
 * @param pollInterval how often the repository is fetched
 * @param jitter       share of the poll interval each wait may vary by
 * @param retry        how failures that may pass are retried (for ever, backing off up to a cap)
 * @param shutdownGrace how long a stopping service lets reconciles under way finish
 * @param stateDir     where history is kept across restarts
 * @param links        the service's public URL, for links in statuses
 */
public record EngineSettings(int workers, Duration pollInterval, double jitter, Backoff retry, Duration shutdownGrace,
                             Path stateDir, Links links) {
}
