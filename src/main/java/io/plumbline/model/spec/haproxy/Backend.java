package io.plumbline.model.spec.haproxy;

import io.plumbline.model.spec.Lists;
import java.util.List;

/**
 * @param balance   {@code roundrobin}, {@code leastconn}, {@code source}, ...
 * @param migration its traffic moving from one group of its servers to another by steps, or null
 */
public record Backend(String name, String balance, Boolean forwardFor, HealthCheck healthCheck,
                      List<Server> servers, Migration migration) {
    public Backend {
        balance = balance == null ? "roundrobin" : balance;
        forwardFor = forwardFor != null && forwardFor;
        servers = Lists.of(servers);
    }

    /** A backend without a migration. */
    public Backend(String name, String balance, Boolean forwardFor, HealthCheck healthCheck, List<Server> servers) {
        this(name, balance, forwardFor, healthCheck, servers, null);
    }

    /** Whether a migration sets this server's weight (the server's own {@code weight} is then not used). */
    public boolean migrates(String server) {
        return migration != null && (migration.from().contains(server) || migration.to().contains(server));
    }
}
