package io.plumbline.model.spec.haproxy;

import io.plumbline.model.spec.Lists;
import java.util.List;

/**
 * The HAProxy part of an environment: where the proxy's files and sockets are, and what it serves.
 *
 * @param stateFile where server state (maint, drain, weight) is saved across reloads
 */
public record HaproxySpec(String config, String masterSocket, String runtimeSocket, String stateFile,
                          Global global, Defaults defaults, List<Frontend> frontends, List<Backend> backends,
                          Stats stats) {
    public HaproxySpec {
        global = global == null ? new Global(null, null, null) : global;
        defaults = defaults == null ? new Defaults(null, null, null, null, null) : defaults;
        frontends = Lists.of(frontends);
        backends = Lists.of(backends);
    }
}
