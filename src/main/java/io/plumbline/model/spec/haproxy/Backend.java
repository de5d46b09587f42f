package io.plumbline.model.spec.haproxy;

import java.util.List;

/** @param balance {@code roundrobin}, {@code leastconn}, {@code source}, ... */
public record Backend(String name, String balance, Boolean forwardFor, HealthCheck healthCheck,
                      List<Server> servers) {
    public Backend {
        balance = balance == null ? "roundrobin" : balance;
        forwardFor = forwardFor != null && forwardFor;
        servers = servers == null ? List.of() : List.copyOf(servers);
    }
}
