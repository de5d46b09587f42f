package io.plumbline.render.aws;

import java.util.Locale;
import java.util.Map;

/**
 * The name of one security-group rule, the same whether rendered from the environment or read from AWS:
 * {@code ingress:tcp:22:sg:ssh-bastion}, {@code ingress:tcp:10250-10255:10.0.0.0/16}, {@code ingress:all:sg:k8s-nodes}.
 */
public final class RuleNames {
    private RuleNames() {
    }

    /** The protocol as AWS spells it in rules ({@code -1} for all traffic). */
    public static String awsProtocol(String protocol) {
        return "all".equals(protocol) ? "-1" : protocol.toLowerCase(Locale.ROOT);
    }

    /** The protocol as environments spell it. */
    public static String protocol(String awsProtocol) {
        return "-1".equals(awsProtocol) ? "all" : awsProtocol.toLowerCase(Locale.ROOT);
    }

    public static String name(String direction, String protocol, int fromPort, int toPort, String peer) {
        return direction + ":" + ports(protocol, fromPort, toPort) + ":" + peer;
    }

    /** The body of a rule, rendered or observed; the description is compared only when declared. */
    public static Map<String, Object> body(String direction, String protocol, int from, int to, String peer,
                                           String description) {
        return Body.of().put("direction", direction).put("protocol", protocol).put("fromPort", from)
                .put("toPort", to).put("peer", peer).put("description", description).build();
    }

    static String ports(String protocol, int fromPort, int toPort) {
        if ("all".equals(protocol) || fromPort < 0) {
            return protocol;
        }
        return protocol + ":" + (fromPort == toPort ? String.valueOf(fromPort) : fromPort + "-" + toPort);
    }
}
