package io.plumbline.load;

import io.plumbline.model.spec.haproxy.Backend;
import io.plumbline.model.spec.haproxy.Migration;
import io.plumbline.model.spec.haproxy.Server;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the schema cannot say about a backend's migration: its groups name servers of the backend, ready ones, and
 * none twice; its steps increase up to 100; it is checked at least once per step. The query's grammar (one printable
 * line) and the server's URL (scheme, host, port, path; never a user or password) are the schema's.
 */
final class MigrationChecks {
    private MigrationChecks() {
    }

    static void check(Backend backend, String at, Checks checks) {
        Migration m = backend.migration();
        Map<String, Server> servers = backend.servers().stream()
                .collect(Collectors.toMap(Server::name, Function.identity(), (a, b) -> a));
        group(m.from(), at + "/from", servers, checks);
        group(m.to(), at + "/to", servers, checks);
        Set<String> both = new HashSet<>(m.from());
        both.retainAll(Set.copyOf(m.to()));
        if (!both.isEmpty()) {
            checks.at(at + "/to", "servers in both 'from' and 'to': " + AwsChecks.listed(both));
        }
        List<Integer> steps = m.steps();
        for (int i = 1; i < steps.size(); i++) {
            if (steps.get(i) <= steps.get(i - 1)) {
                checks.at(at + "/steps/" + i, "steps must increase: " + steps.get(i) + " follows " + steps.get(i - 1));
            }
        }
        if (!steps.isEmpty() && steps.get(steps.size() - 1) != 100) {
            checks.at(at + "/steps/" + (steps.size() - 1), "the last step must be 100 (all traffic on 'to')");
        }
        if (m.analysis().intervalDuration().compareTo(m.holdDuration()) > 0) {
            checks.at(at + "/analysis/interval", "the analysis interval (" + m.analysis().interval()
                    + ") is longer than the hold (" + m.hold() + "): a step would pass unchecked");
        }
        if (m.analysis().intervalDuration().toMillis() < 1000) {
            checks.at(at + "/analysis/interval", "the analysis interval must be at least 1s");
        }
    }

    /** Each server is declared in the backend and ready: a migration moves traffic by weight, not by state. */
    private static void group(List<String> names, String at, Map<String, Server> servers, Checks checks) {
        for (int i = 0; i < names.size(); i++) {
            Server server = servers.get(names.get(i));
            if (server == null) {
                checks.at(at + "/" + i, "no server '" + names.get(i) + "' in this backend; declared: "
                        + AwsChecks.listed(servers.keySet()));
            } else if (!server.state().equals("ready")) {
                checks.at(at + "/" + i, "server '" + server.name() + "' is " + server.state()
                        + ": a migration moves traffic by weight between ready servers");
            } else if (server.weight() != 1) {
                checks.at(at + "/" + i, "server '" + server.name() + "' declares weight " + server.weight()
                        + ": the migration sets the weights of its servers; leave 'weight' out");
            }
        }
    }
}
