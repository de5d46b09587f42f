package io.plumbline.engine.loop;

import io.plumbline.model.LoadedEnvironment;
import io.plumbline.provider.Fence;
import io.plumbline.provider.NotOwnedException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The fence of one apply: the environment is this replica's to write while its Lease says so; a newer commit waiting
 * supersedes a change that takes its time; what such a change says of its progress goes to the commit's status.
 */
final class ApplyFence implements Fence {
    private final LoadedEnvironment env;
    private final Assignment assignment;
    private final BooleanSupplier superseded;
    private final Consumer<String> progress;

    ApplyFence(LoadedEnvironment env, Assignment assignment, BooleanSupplier superseded, Consumer<String> progress) {
        this.env = env;
        this.assignment = assignment;
        this.superseded = superseded;
        this.progress = progress;
    }

    /**
     * Stops the apply before a write or a wait of a provider when this replica no longer owns the environment: another
     * replica took its Lease, or this one could not renew it within its renew deadline.
     */
    @Override
    public void check() {
        if (!assignment.owns(env.name())) {
            throw new NotOwnedException("stopped before writing: this replica (" + assignment.identity()
                    + ") no longer holds " + env.name() + "; the replica that holds it reconciles it");
        }
    }

    @Override
    public boolean superseded() {
        return superseded.getAsBoolean();
    }

    @Override
    public void progress(String what) {
        progress.accept(what);
    }
}
