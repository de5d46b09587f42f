package io.plumbline.provider.haproxy;

import io.plumbline.provider.ProviderException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Replaces the configuration and reloads HAProxy without losing requests or server state: check the new file,
 * save server state, swap the file, reload through the master, and confirm from {@code show proc} that a new
 * worker took over or that the reload failed (the reload command itself answers nothing, even on failure).
 */
final class Reloader {
    private final ConfigFiles files;
    private final MasterCli master;
    private final RuntimeApi runtime;
    private final ServerStateFile stateFile;
    private final UnconfirmedReload unconfirmed;
    private final Duration timeout;

    Reloader(ConfigFiles files, MasterCli master, RuntimeApi runtime, ServerStateFile stateFile,
             UnconfirmedReload unconfirmed, Duration timeout) {
        this.files = files;
        this.master = master;
        this.runtime = runtime;
        this.stateFile = stateFile;
        this.unconfirmed = unconfirmed;
        this.timeout = timeout;
    }

    /**
     * HAProxy checked the new file, was told to reload, and refused it (its failed reloads went up): a health failure
     * of the commit.
     */
    static final class NotTaken extends ProviderException {
        NotTaken(String message) {
            super(message, false, null);
        }
    }

    /**
     * @throws ProviderException when HAProxy rejects the file (nothing changed); retryable, with the new file left
     *                           in place, when HAProxy has not confirmed the reload within the timeout (neither a
     *                           failed reload nor a new worker per {@code show proc}: a slow master is not a
     *                           refusal, and putting the old file back while it may be reading the new one could
     *                           leave the disk and the workers apart) or when the thread is interrupted while HAProxy
     *                           reloads; {@link UnconfirmedReload} lets the next plan see whether it was taken
     * @throws NotTaken          when HAProxy refuses the reload: the last good file and its server state are put
     *                           back, and the previous workers keep serving, so nothing of the new file stays
     */
    void reload(String text) {
        stateFile.requireOwned();
        ProcStatus before = master.showProc();
        // While an earlier swap is unconfirmed, its workers still serve the last good file, not the one on disk.
        String running = unconfirmed.pending(before) ? files.lastGood() : files.read();
        Path next = files.writeChecked(text);
        stateFile.save(runtime.serversStateText(), running, text);
        unconfirmed.begin(before);
        // The swap and the reload command go together, out of reach of an interrupt: one between them (or during
        // the send) would leave a new file that haproxy never loaded (the record above tells the next plan so).
        uninterrupted(() -> {
            files.swapIn(next, running);
            master.reload();
        });
        Optional<ProcStatus> after = UnixSocketClient.ANSWERS.until(timeout, () -> settled(before));
        if (Thread.currentThread().isInterrupted()) {
            after = lastLook(before);
            if (after.isEmpty() || after.get().failed() == before.failed()) {
                after.ifPresent(took -> unconfirmed.clear());
                throw ProviderException.retryable("interrupted while haproxy reloads " + files.config() + " ("
                        + (after.isEmpty() ? "it had not finished" : "it took the new file") + "); the new file stays"
                        + " in place and the next reconcile looks again", null);
            }
        }
        if (after.isEmpty()) {
            throw ProviderException.retryable("haproxy had not confirmed the reload of " + files.config() + " within "
                    + timeout.toSeconds() + "s; the new file stays in place; the next reconcile checks whether it was"
                    + " taken and reloads again if not", null);
        }
        if (after.get().failed() > before.failed()) {
            files.restoreLastGood();
            unconfirmed.clear();
            // The saved state left out the servers the new file moves; the workers still serving have them all.
            stateFile.save(runtime.serversStateText(), running, running);
            throw new NotTaken(failure(before, after.get()));
        }
        unconfirmed.clear();
        awaitRuntimeOf(after.get().newestWorker().pid());
    }

    /** Writes the file without a reload, for changes already made through the runtime API. */
    void replaceWithoutReload(String text) {
        stateFile.requireOwned();
        files.swapIn(files.writeChecked(text), files.read());
        saveServerState(text);
    }

    /** What {@code load-server-state-from-file} reads back when the next worker starts with this configuration. */
    void saveServerState(String text) {
        stateFile.save(runtime.serversStateText(), text, text);
    }

    private static void uninterrupted(Runnable step) {
        try {
            CompletableFuture.runAsync(step).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** One more {@code show proc} after an interrupt, with the flag cleared so the socket can be used. */
    private Optional<ProcStatus> lastLook(ProcStatus before) {
        Thread.interrupted();
        try {
            return settled(before);
        } finally {
            Thread.currentThread().interrupt();
        }
    }

    /** The master's status once the reload has either failed or produced a new worker. */
    private Optional<ProcStatus> settled(ProcStatus before) {
        Set<Long> oldPids = before.workers().stream().map(ProcStatus.Worker::pid).collect(Collectors.toSet());
        try {
            ProcStatus now = master.showProc();
            boolean counted = now.reloads() > before.reloads();
            boolean failed = now.failed() > before.failed();
            boolean newWorker = now.newestWorker() != null && !oldPids.contains(now.newestWorker().pid());
            return counted && (failed || newWorker) ? Optional.of(now) : Optional.empty();
        } catch (ProviderException restarting) {
            // The master is re-executing itself and does not answer yet.
            return Optional.empty();
        }
    }

    /** Until the new worker answers on the runtime socket, commands could reach the old one. */
    private void awaitRuntimeOf(long pid) {
        Optional<Boolean> answered = UnixSocketClient.ANSWERS.until(timeout, () -> {
            try {
                return runtime.pid() == pid ? Optional.of(true) : Optional.empty();
            } catch (ProviderException notYet) {
                return Optional.empty();
            }
        });
        if (answered.isEmpty()) {
            throw ProviderException.retryable("haproxy reloaded, but its new worker " + pid
                    + " did not answer on the runtime socket within " + timeout.toSeconds() + "s", null);
        }
    }

    private String failure(ProcStatus before, ProcStatus after) {
        return "haproxy did not take the new configuration of " + files.config() + " (its failed reloads went from "
                + before.failed() + " to " + after.failed() + ", per 'show proc')."
                + " The last good file is back in place and the workers of the previous configuration (pids "
                + before.workers().stream().map(w -> String.valueOf(w.pid())).collect(Collectors.joining(", "))
                + ") keep serving. HAProxy gives its reason on the master's standard error (journalctl -u haproxy);"
                + " a listening address that is in use or not allowed is a common one.";
    }
}
