package io.plumbline.render.aws;

import static io.plumbline.render.aws.AwsRender.resource;

import io.plumbline.model.Resource;
import io.plumbline.model.spec.aws.AwsSpec;
import io.plumbline.model.spec.aws.DnsRecord;
import io.plumbline.model.spec.aws.DnsZone;
import io.plumbline.model.spec.aws.Listener;
import io.plumbline.model.spec.aws.LoadBalancer;
import io.plumbline.model.spec.aws.Rule;
import io.plumbline.model.spec.aws.SecurityGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Security groups and their rules, and the edge: certificates, listeners and DNS records. */
final class NetworkRender {
    private NetworkRender() {
    }

    /** Each declared group (created when missing), then the rules of every group. */
    static List<Resource> securityGroups(AwsSpec spec) {
        List<Resource> out = new ArrayList<>();
        spec.securityGroups().forEach(g -> out.add(resource(AwsKinds.SECURITY_GROUP, g.vpc(), g.name(),
                Body.of().put("tags", g.tags()).build())));
        for (SecurityGroup g : spec.securityGroups()) {
            g.ingress().forEach(r -> out.add(rule(g, "ingress", r)));
            g.egress().forEach(r -> out.add(rule(g, "egress", r)));
        }
        return out;
    }

    private static Resource rule(SecurityGroup group, String direction, Rule r) {
        boolean all = "all".equals(r.protocol());
        int from = all || r.port() == null ? -1 : r.port();
        int to = all || r.port() == null ? -1 : r.lastPort();
        return resource(AwsKinds.SECURITY_GROUP_RULE, group.name(),
                RuleNames.name(direction, r.protocol(), from, to, r.peer()),
                RuleNames.body(direction, r.protocol(), from, to, r.peer(), r.description()));
    }

    static List<Resource> edge(AwsSpec spec) {
        List<Resource> out = new ArrayList<>();
        spec.certificates().forEach(c -> out.add(resource(AwsKinds.CERTIFICATE, "", dns(c.domain()),
                Body.of().put("alternativeNames", c.alternativeNames().stream().map(NetworkRender::dns).sorted()
                        .toList()).put("status", "ISSUED").build())));
        for (LoadBalancer lb : spec.loadBalancers()) {
            lb.listeners().forEach(l -> out.add(resource(AwsKinds.LISTENER, lb.name(), String.valueOf(l.port()),
                    listener(l))));
        }
        for (DnsZone zone : spec.dns()) {
            zone.records().forEach(r -> out.add(resource(AwsKinds.DNS_RECORD, dns(zone.zone()), recordName(r),
                    record(r))));
        }
        return out;
    }

    private static Map<String, Object> listener(Listener l) {
        return Body.of().put("protocol", l.protocol())
                .put("certificate", l.certificate() == null ? null : dns(l.certificate()))
                .put("sslPolicy", l.sslPolicy()).put("action", ListenerActions.of(l)).build();
    }

    private static String recordName(DnsRecord r) {
        return dns(r.name()) + " " + r.type();
    }

    private static Map<String, Object> record(DnsRecord r) {
        if (r.alias() != null) {
            return Body.of().put("alias", r.alias().loadBalancer()).build();
        }
        return Body.of().put("ttl", r.ttl() == null ? 300 : r.ttl()).put("values", r.values().stream().sorted()
                .toList()).build();
    }

    /** A DNS name as compared: lower case, without the trailing dot. */
    static String dns(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }
}
