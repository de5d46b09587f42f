package io.plumbline.provider.haproxy;

import io.plumbline.render.haproxy.ConfigStructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Brings one live server to its declared state, weight and address through the runtime API, and waits for a
 * drained server's sessions to end.
 */
final class ServerCommands {
    private final RuntimeApi runtime;
    private final Duration drainTimeout;

    ServerCommands(RuntimeApi runtime, Duration drainTimeout) {
        this.runtime = runtime;
        this.drainTimeout = drainTimeout;
    }

    /**
     * @param desired a {@code haproxy Server} body: state, weight (unless a migration sets it), address
     * @return the errors, empty when the server now matches
     */
    List<String> converge(LiveServer live, Map<String, Object> desired) {
        String target = live.backend() + "/" + live.name();
        String state = (String) desired.get("state");
        // Absent for a server whose weight a migration by steps sets.
        Number weight = (Number) desired.get("weight");
        String address = (String) desired.get("address");
        List<String> errors = new ArrayList<>();
        if (!address.equals(live.address()) && ConfigStructure.addressSetAtRuntime(address)) {
            String[] hostPort = address.split(":");
            addError(errors, runtime.set("set server " + target + " addr " + hostPort[0] + " port " + hostPort[1],
                    "changed"));
        }
        if (weight != null && weight.intValue() != live.weight()) {
            addError(errors, runtime.set("set server " + target + " weight " + weight, null));
        }
        if (!state.equals(live.state())) {
            addError(errors, runtime.set("set server " + target + " state " + state, null));
            if (errors.isEmpty() && state.equals("drain")) {
                awaitDrained(live, errors);
            }
        }
        return errors;
    }

    /** A drained server keeps its sessions; it is done when they have ended. */
    private void awaitDrained(LiveServer live, List<String> errors) {
        Optional<Integer> drained = UnixSocketClient.ANSWERS.until(drainTimeout, () -> {
            int sessions = runtime.sessions(live.backend(), live.name());
            return sessions == 0 ? Optional.of(0) : Optional.empty();
        });
        if (drained.isEmpty()) {
            errors.add("set to drain, but " + runtime.sessions(live.backend(), live.name())
                    + " sessions are still open after " + drainTimeout.toSeconds() + "s");
        }
    }

    private static void addError(List<String> errors, String error) {
        if (error != null) {
            errors.add(error);
        }
    }
}
