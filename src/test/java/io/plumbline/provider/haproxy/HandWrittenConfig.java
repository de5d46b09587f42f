package io.plumbline.provider.haproxy;

import java.nio.file.Path;

/**
 * A haproxy.cfg as a team writes it by hand, for the import's round trip: a frontend with a host route, a backend of
 * two test servers with a health check, a stats page, and three lines the typed form has no field for (a log line,
 * {@code option httplog}, a header set on requests). Its sockets and state file lie under {@code root}.
 */
public final class HandWrittenConfig {
    private HandWrittenConfig() {
    }

    public static String text(Path root, int frontend, int stats, TestBackends backends) {
        return String.join("\n",
                "# written by hand",
                "global",
                "    master-worker",
                "    stats socket " + root + "/run/haproxy/admin.sock mode 660 level admin expose-fd listeners",
                "    server-state-file " + root + "/var/lib/haproxy/server-state",
                "    maxconn 2000",
                "    log stdout format raw local0",
                "",
                "defaults",
                "    mode http",
                "    timeout connect 5000",
                "    timeout client 30s",
                "    timeout server 30s",
                "    option httplog",
                "",
                "frontend web",
                "    bind 127.0.0.1:" + frontend,
                "    use_backend app if { hdr(host) -i app.example.com }",
                "    default_backend app",
                "",
                "backend app",
                "    balance roundrobin",
                "    option forwardfor",
                "    option httpchk GET /health",
                "    http-request set-header X-Team shop",
                "    server s1 " + backends.address("s1") + " check",
                "    server s2 " + backends.address("s2") + " check weight 2",
                "",
                "listen stats",
                "    bind 127.0.0.1:" + stats,
                "    mode http",
                "    stats enable",
                "    stats uri /",
                "");
    }
}
