package io.plumbline.render.haproxy;

import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Marks;
import io.plumbline.model.spec.haproxy.Backend;
import io.plumbline.model.spec.haproxy.Defaults;
import io.plumbline.model.spec.haproxy.Frontend;
import io.plumbline.model.spec.haproxy.Global;
import io.plumbline.model.spec.haproxy.HaproxySpec;
import io.plumbline.model.spec.haproxy.HealthCheck;
import io.plumbline.model.spec.haproxy.Route;
import io.plumbline.model.spec.haproxy.Server;
import io.plumbline.model.spec.haproxy.Stats;
import java.util.Map;

/**
 * Renders a complete haproxy.cfg from an environment. Pure and deterministic: the same environment,
 * revision and paths give the same bytes.
 */
public final class ConfigRenderer {
    private static final String INDENT = "    ";

    private ConfigRenderer() {
    }

    public static String render(LoadedEnvironment env, HaproxyPaths paths) {
        HaproxySpec spec = env.environment().spec().haproxy();
        HaproxyWords w = new HaproxyWords(env.file());
        StringBuilder out = new StringBuilder();
        header(out, env, w);
        global(out, spec.global(), paths, w);
        defaults(out, spec.defaults(), w);
        spec.frontends().forEach(f -> frontend(out, f, w));
        spec.backends().forEach(b -> backend(out, b, w));
        if (spec.stats() != null) {
            stats(out, spec.stats(), w);
        }
        return out.toString();
    }

    private static void header(StringBuilder out, LoadedEnvironment env, HaproxyWords w) {
        out.append(Marks.HAPROXY_HEADER).append('\n')
                .append("# environment: ").append(w.word("the environment name", env.name())).append('\n')
                .append("# commit: ").append(w.word("the commit", env.revision().commit())).append('\n')
                .append("# Written from ").append(w.word("the file name", env.file()))
                .append("; changes made here by hand are reverted.\n");
    }

    private static void global(StringBuilder out, Global global, HaproxyPaths paths, HaproxyWords w) {
        section(out, "global");
        line(out, "master-worker");
        // expose-fd listeners lets a reloaded worker take over the listening sockets without a gap.
        line(out, "stats socket " + w.path("runtimeSocket", paths.runtimeSocket()) + " mode 660 level admin expose-fd listeners");
        line(out, "server-state-file " + w.path("stateFile", paths.stateFile()));
        // Workers replaced by a reload finish their connections, but a long-lived one must not keep them forever.
        line(out, "hard-stop-after " + HaproxyTime.of(global.hardStopAfter()));
        if (global.maxconn() != null) {
            line(out, "maxconn " + global.maxconn());
        }
        if (global.nbthread() != null) {
            line(out, "nbthread " + global.nbthread());
        }
    }

    private static void defaults(StringBuilder out, Defaults defaults, HaproxyWords w) {
        section(out, "defaults");
        line(out, "mode " + w.word("mode", defaults.mode()));
        if ("http".equals(defaults.mode())) {
            // Old workers close idle keep-alive connections after a response instead of dropping them.
            line(out, "option idle-close-on-response");
        }
        line(out, "timeout connect " + HaproxyTime.of(defaults.connectTimeout()));
        line(out, "timeout client " + HaproxyTime.of(defaults.clientTimeout()));
        line(out, "timeout server " + HaproxyTime.of(defaults.serverTimeout()));
        line(out, "retries " + defaults.retries());
        // Maint, drain and weights set at runtime survive a reload through the state file.
        line(out, "load-server-state-from-file global");
        // A server name DNS cannot resolve at a reload must not stop the proxy: keep the last known address,
        // else the system's, else start that server without one (in maintenance) and serve the others.
        line(out, "default-server init-addr last,libc,none");
    }

    private static void frontend(StringBuilder out, Frontend frontend, HaproxyWords w) {
        section(out, "frontend " + w.word("a frontend name", frontend.name()));
        line(out, "bind " + w.word("a bind address", frontend.bind()));
        for (Route route : frontend.routes()) {
            line(out, "use_backend " + w.word("a route backend", route.backend()) + " if" + routeCondition(route, w));
        }
        line(out, "default_backend " + w.word("a default backend", frontend.defaultBackend()));
    }

    private static String routeCondition(Route route, HaproxyWords w) {
        StringBuilder condition = new StringBuilder();
        if (route.host() != null) {
            condition.append(" { hdr(host),field(1,:) -i ").append(w.word("a route host", route.host())).append(" }");
        }
        if (route.path() != null) {
            condition.append(" { path_beg ").append(w.word("a route path", route.path())).append(" }");
        }
        return condition.toString();
    }

    private static void backend(StringBuilder out, Backend backend, HaproxyWords w) {
        section(out, "backend " + w.word("a backend name", backend.name()));
        line(out, "balance " + w.word("balance", backend.balance()));
        if (backend.forwardFor()) {
            line(out, "option forwardfor");
        }
        HealthCheck check = backend.healthCheck();
        if (check != null) {
            healthCheck(out, check, w);
        }
        // A migration's servers start (without a saved state) as before it: all traffic on its 'from' group.
        Map<String, Integer> migrating = backend.migration() == null ? Map.of()
                : MigrationWeights.at(backend.migration(), 0);
        backend.servers().forEach(s -> line(out, server(s, migrating.getOrDefault(s.name(), s.weight()), w)));
    }

    private static void healthCheck(StringBuilder out, HealthCheck check, HaproxyWords w) {
        String request = "option httpchk " + w.word("a health-check method", check.method()) + " "
                + w.word("a health-check path", check.path());
        if (check.host() == null) {
            line(out, request);
        } else {
            line(out, request + " HTTP/1.1");
            line(out, "http-check send hdr Host " + w.word("a health-check host", check.host()));
        }
        StringBuilder defaults = new StringBuilder();
        if (check.interval() != null) {
            defaults.append(" inter ").append(HaproxyTime.of(check.interval()));
        }
        if (check.rise() != null) {
            defaults.append(" rise ").append(check.rise());
        }
        if (check.fall() != null) {
            defaults.append(" fall ").append(check.fall());
        }
        if (!defaults.isEmpty()) {
            line(out, "default-server" + defaults);
        }
    }

    /** A server line; see {@link ConfigStructure} for which of its words a reload is needed for. */
    private static String server(Server server, int weight, HaproxyWords w) {
        StringBuilder line = new StringBuilder("server ").append(w.word("a server name", server.name())).append(' ')
                .append(w.word("a server address", server.address()));
        if (server.check()) {
            line.append(" check");
        }
        line.append(" weight ").append(weight);
        if ("maint".equals(server.state())) {
            line.append(" disabled");
        }
        return line.toString();
    }

    private static void stats(StringBuilder out, Stats stats, HaproxyWords w) {
        section(out, "listen stats");
        line(out, "bind " + w.word("the stats bind address", stats.bind()));
        line(out, "mode http");
        if (stats.prometheus()) {
            // Before the stats page, whose uri may be a prefix of /metrics.
            line(out, "http-request use-service prometheus-exporter if { path /metrics }");
        }
        line(out, "stats enable");
        line(out, "stats uri " + w.word("the stats uri", stats.uri()));
        if (stats.admin()) {
            line(out, "stats admin if TRUE");
        }
    }

    private static void section(StringBuilder out, String header) {
        out.append('\n').append(header).append('\n');
    }

    private static void line(StringBuilder out, String text) {
        out.append(INDENT).append(text).append('\n');
    }
}
