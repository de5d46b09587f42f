package io.plumbline.engine.loop;

import io.plumbline.model.Backoff;
import io.plumbline.engine.schedule.Timers;
import io.plumbline.load.EnvironmentLoader;
import io.plumbline.metrics.Metrics;

/**
 * How {@link Environments} runs the environments it keeps: each commit loaded, each environment reconciled on a pool
 * of {@code workers}, a failed run retried after its {@code backoff} on the {@code timers}, every step measured.
 */
public record Running(EnvironmentLoader loader, Reconciler reconciler, Timers timers, Metrics metrics,
                      Backoff backoff, int workers) {
}
