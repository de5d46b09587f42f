package io.plumbline.model.spec.haproxy;

import io.plumbline.model.spec.Lists;
import java.util.List;

/** @param balance {@code roundrobin}, {@code leastconn}, {@code source}, ... */
public record Backend(String name, String balance, Boolean forwardFor, HealthCheck healthCheck,
                      List<Server> servers) {
    public Backend {
        balance = balance == null ? "roundrobin" : balance;
        forwardFor = forwardFor != null && forwardFor;
        servers = Lists.of(servers);
    }
}
