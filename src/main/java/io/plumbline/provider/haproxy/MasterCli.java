package io.plumbline.provider.haproxy;

import io.plumbline.provider.Fence;
import io.plumbline.provider.ProviderException;
import java.nio.file.Path;

/** The master CLI ({@code haproxy -W -S <socket>}): process list and reload. */
final class MasterCli {
    private final UnixSocketClient client;

    MasterCli(Path socket) {
        this(socket, Fence.NONE);
    }

    MasterCli(Path socket, Fence fence) {
        this.client = new UnixSocketClient(socket, "master", fence);
    }

    /**
     * @throws ProviderException when the socket is absent: Plumbline reloads a running HAProxy but does not
     *                           start one (systemd does)
     */
    void requirePresent() {
        if (!client.exists()) {
            throw absent("no haproxy master socket at " + client.socket(), null);
        }
    }

    ProcStatus showProc() {
        requirePresent();
        String answer;
        try {
            answer = client.send("show proc");
        } catch (ProviderException e) {
            throw absent("no haproxy answers on its master socket " + client.socket() + " ("
                    + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()) + ")", e);
        }
        try {
            return ProcStatus.parse(answer);
        } catch (IllegalArgumentException e) {
            throw ProviderException.retryable("haproxy master socket " + client.socket() + ": " + e.getMessage(), e);
        }
    }

    private ProviderException absent(String what, Throwable cause) {
        return ProviderException.retryable(what + ": HAProxy must run in master-worker mode with '-S "
                + client.socket() + ",level,admin' (systemd starts it; Plumbline only reloads it)", cause);
    }

    /**
     * Asks the master to reload. It prints nothing, not even when the reload fails, and may drop the connection
     * as it re-executes; the outcome is read from {@link #showProc()} afterwards.
     */
    void reload() {
        requirePresent();
        try {
            client.send("reload");
        } catch (ProviderException dropped) {
            // The master re-executes itself and may close the connection before answering.
        }
    }
}
