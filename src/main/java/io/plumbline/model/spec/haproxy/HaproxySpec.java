package io.plumbline.model.spec.haproxy;

import io.plumbline.model.spec.Lists;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HAProxy part of an environment: where the proxy's files and sockets are, and what it serves.
 *
 * @param stateFile where server state (maint, drain, weight) is saved across reloads
 * @param hosts     the proxy hosts whose agents apply this section, each to the HAProxy on its own host; empty
 *                  when the service applies it to the HAProxy on the service's host
 */
public record HaproxySpec(String config, String masterSocket, String runtimeSocket, String stateFile,
                          Global global, Defaults defaults, List<Frontend> frontends, List<Backend> backends,
                          Stats stats, List<String> hosts) {
    public HaproxySpec {
        global = global == null ? new Global(null, null, null) : global;
        defaults = defaults == null ? new Defaults(null, null, null, null, null) : defaults;
        frontends = Lists.of(frontends);
        backends = Lists.of(backends);
        hosts = Lists.of(hosts);
    }

    /** Whether proxy agents apply this section (on the hosts named) rather than the service itself. */
    public boolean onAgents() {
        return !hosts.isEmpty();
    }

    /**
     * The values of a section (null when there is none) that choose which local files and sockets are opened and
     * which host's HAProxy is read, by their path in the file.
     */
    public static Map<String, Object> identity(HaproxySpec haproxy) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("haproxy.config", haproxy == null ? null : haproxy.config());
        fields.put("haproxy.masterSocket", haproxy == null ? null : haproxy.masterSocket());
        fields.put("haproxy.runtimeSocket", haproxy == null ? null : haproxy.runtimeSocket());
        fields.put("haproxy.stateFile", haproxy == null ? null : haproxy.stateFile());
        // a pull request taking hosts away would have the service read its own host's HAProxy
        fields.put("haproxy.hosts", haproxy == null ? null : haproxy.hosts());
        return fields;
    }
}
