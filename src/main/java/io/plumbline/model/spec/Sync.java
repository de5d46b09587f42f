package io.plumbline.model.spec;

import java.time.Duration;
import java.util.List;

/**
 * How an environment is kept in sync.
 *
 * @param mode             {@code auto} applies, {@code plan-only} only plans, {@code suspended} does nothing
 * @param interval         how often the repository is checked for new commits; the service checks at the
 *                         shortest interval any environment asks for, and at least at its own interval
 * @param prune            delete what Plumbline created and the environment no longer declares
 * @param selfHeal         correct drift found between commits
 * @param maxDeletePercent refuse a plan that deletes more than this share of the owned resources
 * @param driftInterval    how often drift is checked between commits
 * @param healthTimeout    how long to wait for applied resources to become healthy
 * @param allowRewind      apply a branch head that does not descend from the last applied commit
 * @param windows          when applies are allowed or denied (none: always allowed)
 * @param rollback         {@code auto} re-applies the last good commit when an apply fails health; {@code off}
 *                         (default) leaves it
 */
public record Sync(String mode, String interval, Boolean prune, Boolean selfHeal, Integer maxDeletePercent,
                   String driftInterval, String healthTimeout, Boolean allowRewind, List<SyncWindow> windows,
                   String rollback) {

    public static final Sync DEFAULT = new Sync(null, null, null, null, null, null, null, null, null, null);

    public Sync {
        mode = mode == null ? "auto" : mode;
        interval = interval == null ? "1m" : interval;
        prune = prune != null && prune;
        selfHeal = selfHeal != null && selfHeal;
        maxDeletePercent = maxDeletePercent == null ? 20 : maxDeletePercent;
        driftInterval = driftInterval == null ? "5m" : driftInterval;
        healthTimeout = healthTimeout == null ? "5m" : healthTimeout;
        allowRewind = allowRewind != null && allowRewind;
        windows = windows == null ? List.of() : List.copyOf(windows);
        rollback = rollback == null ? "off" : rollback;
    }

    public boolean rollbackEnabled() {
        return rollback.equals("auto");
    }

    public boolean rewindAllowed() {
        return allowRewind;
    }

    public boolean pruneEnabled() {
        return prune;
    }

    public boolean selfHealEnabled() {
        return selfHeal;
    }

    public Duration intervalDuration() {
        return Durations.parse(interval);
    }

    public Duration driftIntervalDuration() {
        return Durations.parse(driftInterval);
    }

    public Duration healthTimeoutDuration() {
        return Durations.parse(healthTimeout);
    }
}
