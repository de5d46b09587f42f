package io.plumbline.render.haproxy;

import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Revision;
import io.plumbline.model.spec.Environment;
import io.plumbline.model.spec.EnvironmentSpec;
import io.plumbline.model.spec.Metadata;
import io.plumbline.model.spec.Sync;
import io.plumbline.model.spec.haproxy.Backend;
import io.plumbline.model.spec.haproxy.Defaults;
import io.plumbline.model.spec.haproxy.Frontend;
import io.plumbline.model.spec.haproxy.Global;
import io.plumbline.model.spec.haproxy.HaproxySpec;
import io.plumbline.model.spec.haproxy.HealthCheck;
import io.plumbline.model.spec.haproxy.Route;
import io.plumbline.model.spec.haproxy.Server;
import io.plumbline.model.spec.haproxy.Stats;
import java.util.List;

/** Environments with an HAProxy section, built by hand as the loader would build them. */
public final class HaproxyEnvironments {
    public static final Revision REVISION = new Revision("4f2a9c1e0b7d4e8f9a6b3c2d1e0f9a8b7c6d5e4f",
            "refs/heads/main", "Move traffic to the new load balancer");

    private HaproxyEnvironments() {
    }

    /** The migration proxy of the production environment. */
    public static LoadedEnvironment production() {
        HaproxySpec spec = new HaproxySpec("/etc/haproxy/haproxy.cfg", "/run/haproxy/master.sock",
                "/run/haproxy/admin.sock", "/var/lib/haproxy/server-state", new Global(4096, null, null),
                new Defaults("http", "5s", "30s", "1h30m", null),
                List.of(new Frontend("haproxynode", "*:80", "backendnodes",
                        List.of(new Route("thoughts", "thoughts.example.com", "/api")))),
                List.of(new Backend("backendnodes", "roundrobin", true,
                                new HealthCheck("HEAD", "/", "example.com", "5s", 2, 3),
                                List.of(new Server("aws", "frontend-alb.elb.amazonaws.com:80", null, "ready", null),
                                        new Server("example", "www.example.com:80", 2, "maint", null))),
                        new Backend("thoughts", "leastconn", false, new HealthCheck(null, "/healthz", null, null,
                                null, null), List.of(new Server("t1", "10.0.0.21:8000", 10, "drain", false)))),
                new Stats("*:8001", "/", true), List.of());
        return loaded("production", spec);
    }

    public static LoadedEnvironment loaded(String name, HaproxySpec spec) {
        Environment environment = new Environment("plumbline/v1", "Environment", new Metadata(name, null),
                new EnvironmentSpec(Sync.DEFAULT, null, null, spec));
        return new LoadedEnvironment("environments/" + name + ".yaml", environment, List.of(), REVISION);
    }

    /**
     * An environment file with a bare HAProxy section naming proxy hosts; {@code hosts} is the YAML value of
     * {@code spec.haproxy.hosts}, on line 9.
     */
    public static String namingHosts(String name, String hosts) {
        return """
                apiVersion: plumbline/v1
                kind: Environment
                metadata: {name: %s}
                spec:
                  haproxy:
                    config: /etc/haproxy/haproxy.cfg
                    masterSocket: /run/haproxy/master.sock
                    runtimeSocket: /run/haproxy/admin.sock
                    hosts: %s
                """.formatted(name, hosts);
    }
}
