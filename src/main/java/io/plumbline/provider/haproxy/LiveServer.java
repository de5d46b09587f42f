package io.plumbline.provider.haproxy;

import java.util.ArrayList;
import java.util.List;

/**
 * One server as the runtime API's {@code show servers state} reports it.
 *
 * @param fqdn       the host name the server was configured with, or null when it was given by address
 * @param adminState the {@code srv_admin_state} bit set (maintenance and drain, forced or inherited)
 * @param up         whether its checks pass ({@code srv_op_state} 2)
 */
record LiveServer(String backend, String name, String ip, int port, String fqdn, int adminState, boolean up,
                  int weight) {
    // srv_admin_state bits: forced, inherited, resolver and health-check maintenance; forced and inherited drain.
    private static final int MAINT = 0x01 | 0x02 | 0x20 | 0x40;
    private static final int DRAIN = 0x08 | 0x10;
    private static final int RUNNING = 2;

    /** {@code ready}, {@code drain} or {@code maint}, as environment files spell it. */
    String state() {
        if ((adminState & MAINT) != 0) {
            return "maint";
        }
        return (adminState & DRAIN) != 0 ? "drain" : "ready";
    }

    /** The address as declared: by name when the server was configured with one. */
    String address() {
        return (fqdn != null ? fqdn : ip) + ":" + port;
    }

    /** Parses the version-1 format; columns are named by its {@code #} header line. */
    static List<LiveServer> parse(String text) {
        List<LiveServer> servers = new ArrayList<>();
        List<String> columns = List.of();
        for (String line : text.split("\n")) {
            if (line.startsWith("# ")) {
                columns = List.of(line.substring(2).strip().split("\\s+"));
            } else if (!columns.isEmpty() && !line.isBlank()) {
                servers.add(row(columns, line.strip().split("\\s+")));
            }
        }
        return servers;
    }

    private static LiveServer row(List<String> columns, String[] values) {
        String fqdn = values[columns.indexOf("srv_fqdn")];
        return new LiveServer(values[columns.indexOf("be_name")], values[columns.indexOf("srv_name")],
                values[columns.indexOf("srv_addr")], Integer.parseInt(values[columns.indexOf("srv_port")]),
                fqdn.equals("-") ? null : fqdn, Integer.parseInt(values[columns.indexOf("srv_admin_state")]),
                Integer.parseInt(values[columns.indexOf("srv_op_state")]) == RUNNING,
                Integer.parseInt(values[columns.indexOf("srv_uweight")]));
    }
}
