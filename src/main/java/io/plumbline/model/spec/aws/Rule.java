package io.plumbline.model.spec.aws;

/**
 * One security-group rule.
 *
 * @param protocol {@code tcp}, {@code udp}, {@code icmp} or {@code all}
 * @param port     the first (or only) port; absent for {@code all}
 * @param toPort   the last port of a range
 * @param from     ingress peer: a CIDR or {@code sg:<group name>}
 * @param to       egress peer: a CIDR or {@code sg:<group name>}
 */
public record Rule(String protocol, Integer port, Integer toPort, String from, String to, String description) {
    public int lastPort() {
        return toPort != null ? toPort : port == null ? -1 : port;
    }

    /** The peer on the other side of the rule, whichever direction it is. */
    public String peer() {
        return from != null ? from : to;
    }
}
