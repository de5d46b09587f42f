package io.plumbline.load;

import io.plumbline.model.spec.haproxy.Backend;
import io.plumbline.model.spec.haproxy.Frontend;
import io.plumbline.model.spec.haproxy.HaproxySpec;
import java.util.Map;
import java.util.Set;

/**
 * What the schema cannot say about {@code spec.haproxy}: backends declared, names and binds unique, migrations whole
 * ({@link MigrationChecks}).
 */
final class HaproxyChecks {
    private static final String AT = "/spec/haproxy";

    private HaproxyChecks() {
    }

    static void check(HaproxySpec haproxy, Checks checks) {
        Map<String, String> proxies = Checks.names();
        Map<String, String> binds = Checks.names();
        for (int i = 0; i < haproxy.backends().size(); i++) {
            Backend b = haproxy.backends().get(i);
            String at = AT + "/backends/" + i;
            checks.unique(proxies, b.name(), at + "/name", "proxy");
            Map<String, String> servers = Checks.names();
            for (int j = 0; j < b.servers().size(); j++) {
                checks.unique(servers, b.servers().get(j).name(), at + "/servers/" + j + "/name", "server");
            }
            if (b.migration() != null) {
                MigrationChecks.check(b, at + "/migration", checks);
            }
        }
        Set<String> backends = Set.copyOf(proxies.keySet());
        for (int i = 0; i < haproxy.frontends().size(); i++) {
            Frontend f = haproxy.frontends().get(i);
            String at = AT + "/frontends/" + i;
            checks.unique(proxies, f.name(), at + "/name", "proxy");
            checks.unique(binds, port(f.bind()), at + "/bind", "listening port");
            if (!backends.contains(f.defaultBackend())) {
                checks.at(at + "/defaultBackend", "no backend '" + f.defaultBackend() + "' is declared; declared: "
                        + AwsChecks.listed(backends));
            }
            for (int j = 0; j < f.routes().size(); j++) {
                String backend = f.routes().get(j).backend();
                if (!backends.contains(backend)) {
                    checks.at(at + "/routes/" + j + "/backend", "no backend '" + backend + "' is declared; declared: "
                            + AwsChecks.listed(backends));
                }
            }
        }
        if (haproxy.stats() != null) {
            checks.unique(binds, port(haproxy.stats().bind()), AT + "/stats/bind", "listening port");
        }
    }

    private static String port(String bind) {
        return bind.substring(bind.lastIndexOf(':') + 1);
    }
}
