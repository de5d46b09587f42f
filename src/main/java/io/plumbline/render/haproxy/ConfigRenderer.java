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
        StringBuilder out = new StringBuilder();
        header(out, env);
        global(out, spec.global(), paths);
        defaults(out, spec.defaults());
        spec.frontends().forEach(f -> frontend(out, f));
        spec.backends().forEach(b -> backend(out, b));
        if (spec.stats() != null) {
            stats(out, spec.stats());
        }
        return out.toString();
    }

    private static void header(StringBuilder out, LoadedEnvironment env) {
        out.append(Marks.HAPROXY_HEADER).append('\n')
                .append("# environment: ").append(env.name()).append('\n')
                .append("# commit: ").append(env.revision().commit()).append('\n')
                .append("# Written from ").append(env.file()).append("; changes made here by hand are reverted.\n");
    }

    private static void global(StringBuilder out, Global global, HaproxyPaths paths) {
        section(out, "global");
        line(out, "master-worker");
        // expose-fd listeners lets a reloaded worker take over the listening sockets without a gap.
        line(out, "stats socket " + paths.runtimeSocket() + " mode 660 level admin expose-fd listeners");
        line(out, "server-state-file " + paths.stateFile());
        // Workers replaced by a reload finish their connections, but a long-lived one must not keep them forever.
        line(out, "hard-stop-after " + HaproxyTime.of(global.hardStopAfter()));
        if (global.maxconn() != null) {
            line(out, "maxconn " + global.maxconn());
        }
        if (global.nbthread() != null) {
            line(out, "nbthread " + global.nbthread());
        }
    }

    private static void defaults(StringBuilder out, Defaults defaults) {
        section(out, "defaults");
        line(out, "mode " + defaults.mode());
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

    private static void frontend(StringBuilder out, Frontend frontend) {
        section(out, "frontend " + frontend.name());
        line(out, "bind " + frontend.bind());
        for (Route route : frontend.routes()) {
            line(out, "use_backend " + route.backend() + " if" + routeCondition(route));
        }
        line(out, "default_backend " + frontend.defaultBackend());
    }

    private static String routeCondition(Route route) {
        StringBuilder condition = new StringBuilder();
        if (route.host() != null) {
            condition.append(" { hdr(host),field(1,:) -i ").append(route.host()).append(" }");
        }
        if (route.path() != null) {
            condition.append(" { path_beg ").append(route.path()).append(" }");
        }
        return condition.toString();
    }

    private static void backend(StringBuilder out, Backend backend) {
        section(out, "backend " + backend.name());
        line(out, "balance " + backend.balance());
        if (backend.forwardFor()) {
            line(out, "option forwardfor");
        }
        HealthCheck check = backend.healthCheck();
        if (check != null) {
            healthCheck(out, check);
        }
        backend.servers().forEach(s -> line(out, server(s)));
    }

    private static void healthCheck(StringBuilder out, HealthCheck check) {
        if (check.host() == null) {
            line(out, "option httpchk " + check.method() + " " + check.path());
        } else {
            line(out, "option httpchk " + check.method() + " " + check.path() + " HTTP/1.1");
            line(out, "http-check send hdr Host " + check.host());
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
    private static String server(Server server) {
        StringBuilder line = new StringBuilder("server ").append(server.name()).append(' ').append(server.address());
        if (server.check()) {
            line.append(" check");
        }
        line.append(" weight ").append(server.weight());
        if ("maint".equals(server.state())) {
            line.append(" disabled");
        }
        return line.toString();
    }

    private static void stats(StringBuilder out, Stats stats) {
        section(out, "listen stats");
        line(out, "bind " + stats.bind());
        line(out, "mode http");
        line(out, "stats enable");
        line(out, "stats uri " + stats.uri());
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
