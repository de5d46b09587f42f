package io.plumbline.load;

import io.plumbline.model.spec.aws.AutoScalingGroup;
import io.plumbline.model.spec.aws.AwsSpec;
import io.plumbline.model.spec.aws.Certificate;
import io.plumbline.model.spec.aws.DnsRecord;
import io.plumbline.model.spec.aws.DnsZone;
import io.plumbline.model.spec.aws.Listener;
import io.plumbline.model.spec.aws.LoadBalancer;
import io.plumbline.model.spec.aws.Rule;
import io.plumbline.model.spec.aws.ScheduledAction;
import io.plumbline.model.spec.aws.SecurityGroup;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What the schema cannot say about {@code spec.aws}: sizes in order, references declared, names unique. */
final class AwsChecks {
    private static final String AT = "/spec/aws";

    private AwsChecks() {
    }

    static void check(AwsSpec aws, Checks checks) {
        Map<String, String> repos = Checks.names();
        for (int i = 0; i < aws.ecr().repositories().size(); i++) {
            checks.unique(repos, aws.ecr().repositories().get(i).name(), AT + "/ecr/repositories/" + i + "/name",
                    "ECR repository");
        }
        if (aws.eks() != null) {
            Map<String, String> groups = Checks.names();
            for (int i = 0; i < aws.eks().nodegroups().size(); i++) {
                var ng = aws.eks().nodegroups().get(i);
                String at = AT + "/eks/nodegroups/" + i;
                checks.unique(groups, ng.name(), at + "/name", "nodegroup");
                checks.bounds(at, ng.min(), ng.max(), ng.desired());
            }
        }
        autoscaling(aws, checks);
        Set<String> certificates = certificates(aws, checks);
        Set<String> balancers = loadBalancers(aws, certificates, checks);
        dns(aws, balancers, checks);
        securityGroups(aws, checks);
        NetworkChecks.check(aws, checks);
        IamChecks.check(aws.iam(), checks);
        ComputeChecks.check(aws, checks);
    }

    private static void autoscaling(AwsSpec aws, Checks checks) {
        Map<String, String> groups = Checks.names();
        for (int i = 0; i < aws.autoscaling().groups().size(); i++) {
            AutoScalingGroup g = aws.autoscaling().groups().get(i);
            String at = AT + "/autoscaling/groups/" + i;
            checks.unique(groups, g.name(), at + "/name", "Auto Scaling group");
            checks.bounds(at, g.min(), g.max(), g.desired());
            Map<String, String> actions = Checks.names();
            for (int j = 0; j < g.scheduledActions().size(); j++) {
                ScheduledAction a = g.scheduledActions().get(j);
                String aat = at + "/scheduledActions/" + j;
                checks.unique(actions, a.name(), aat + "/name", "scheduled action");
                checks.bounds(aat, a.min(), a.max(), a.desired());
                if (a.recurrence() != null) {
                    Cron.check(a.recurrence()).ifPresent(m -> checks.at(aat + "/recurrence", m));
                }
                if (a.startTime() != null && a.endTime() != null && a.endTime().compareTo(a.startTime()) <= 0) {
                    checks.at(aat + "/endTime", "endTime " + a.endTime() + " is not after startTime " + a.startTime());
                }
            }
            Map<String, String> policies = Checks.names();
            for (int j = 0; j < g.targetTracking().size(); j++) {
                checks.unique(policies, g.targetTracking().get(j).name(), at + "/targetTracking/" + j + "/name",
                        "scaling policy");
            }
        }
    }

    private static Set<String> certificates(AwsSpec aws, Checks checks) {
        Map<String, String> seen = Checks.names();
        for (int i = 0; i < aws.certificates().size(); i++) {
            Certificate c = aws.certificates().get(i);
            String at = AT + "/certificates/" + i;
            checks.unique(seen, c.domain(), at + "/domain", "certificate");
            if (!inZone(c.domain(), c.zone())) {
                checks.at(at + "/zone", "the domain " + c.domain() + " is not inside the zone " + c.zone());
            }
        }
        return seen.keySet();
    }

    private static Set<String> loadBalancers(AwsSpec aws, Set<String> certificates, Checks checks) {
        Map<String, String> seen = Checks.names();
        for (int i = 0; i < aws.loadBalancers().size(); i++) {
            LoadBalancer lb = aws.loadBalancers().get(i);
            String at = AT + "/loadBalancers/" + i;
            checks.unique(seen, lb.name(), at + "/name", "load balancer");
            Map<String, String> ports = Checks.names();
            for (int j = 0; j < lb.listeners().size(); j++) {
                listener(lb.listeners().get(j), at + "/listeners/" + j, certificates, ports, checks);
            }
        }
        return seen.keySet();
    }

    private static void listener(Listener l, String at, Set<String> certificates, Map<String, String> ports,
                                 Checks checks) {
        checks.unique(ports, String.valueOf(l.port()), at + "/port", "listener port");
        boolean tls = l.protocol().equals("HTTPS") || l.protocol().equals("TLS");
        if (tls && l.certificate() == null) {
            checks.at(at, "an " + l.protocol() + " listener needs a certificate");
        }
        if (l.certificate() != null && !certificates.contains(l.certificate())) {
            checks.at(at + "/certificate", "no certificate for '" + l.certificate() + "' is declared; declared: "
                    + listed(certificates));
        }
        long actions = Stream.of(l.redirectTo(), l.redirect(), l.targetGroup(), l.fixedResponse(),
                l.forward().isEmpty() ? null : l.forward()).filter(Objects::nonNull).count();
        if (actions != 1) {
            checks.at(at, "a listener needs exactly one of redirectTo, redirect, targetGroup, forward or "
                    + "fixedResponse; found " + actions);
        }
    }

    private static void dns(AwsSpec aws, Set<String> balancers, Checks checks) {
        Map<String, String> zones = Checks.names();
        for (int i = 0; i < aws.dns().size(); i++) {
            DnsZone zone = aws.dns().get(i);
            String at = AT + "/dns/" + i;
            checks.unique(zones, zone.zone(), at + "/zone", "hosted zone");
            Map<String, String> records = Checks.names();
            for (int j = 0; j < zone.records().size(); j++) {
                DnsRecord r = zone.records().get(j);
                String rat = at + "/records/" + j;
                checks.unique(records, r.name() + " " + r.type(), rat + "/name", "record");
                if (!inZone(r.name(), zone.zone())) {
                    checks.at(rat + "/name", r.name() + " is not inside the zone " + zone.zone());
                }
                if (r.alias() != null && !balancers.contains(r.alias().loadBalancer())) {
                    checks.at(rat + "/alias/loadBalancer", "no load balancer '" + r.alias().loadBalancer()
                            + "' is declared; declared: " + listed(balancers));
                }
                if (r.alias() != null && r.ttl() != null) {
                    checks.at(rat + "/ttl", "an alias record takes its TTL from its target; remove ttl");
                }
            }
        }
    }

    private static void securityGroups(AwsSpec aws, Checks checks) {
        Map<String, String> seen = Checks.names();
        for (int i = 0; i < aws.securityGroups().size(); i++) {
            SecurityGroup g = aws.securityGroups().get(i);
            String at = AT + "/securityGroups/" + i;
            checks.unique(seen, g.vpc() + "/" + g.name(), at + "/name", "security group");
            rules(g.ingress(), at + "/ingress", checks);
            rules(g.egress(), at + "/egress", checks);
            for (int j = 0; j < g.ingress().size(); j++) {
                if (g.ingress().get(j).from() == null) {
                    checks.at(at + "/ingress/" + j, "an ingress rule needs 'from'");
                }
            }
            for (int j = 0; j < g.egress().size(); j++) {
                if (g.egress().get(j).to() == null) {
                    checks.at(at + "/egress/" + j, "an egress rule needs 'to'");
                }
            }
        }
    }

    private static void rules(List<Rule> rules, String at, Checks checks) {
        Map<String, String> seen = Checks.names();
        for (int j = 0; j < rules.size(); j++) {
            var r = rules.get(j);
            checks.unique(seen, r.protocol() + ":" + r.port() + "-" + r.toPort() + ":" + r.peer(), at + "/" + j,
                    "rule");
            if (!r.protocol().equals("all") && !r.protocol().equals("icmp") && r.port() == null) {
                checks.at(at + "/" + j, "a " + r.protocol() + " rule needs a port");
            }
            boolean ports = r.protocol().equals("tcp") || r.protocol().equals("udp");
            if (ports && r.port() != null && r.port() < 0) {
                checks.at(at + "/" + j + "/port", "a " + r.protocol() + " port is 0 to 65535; -1 is for icmp only");
            }
            if (r.protocol().equals("icmp") && Math.max(r.lastPort(), r.port() == null ? -1 : r.port()) > 255) {
                checks.at(at + "/" + j, "an icmp rule takes a type (port) and code (toPort) from -1 to 255");
            }
            if (r.toPort() != null && r.port() != null && r.toPort() < r.port()) {
                checks.at(at + "/" + j + "/toPort", "toPort " + r.toPort() + " is below port " + r.port());
            }
        }
    }

    static boolean inZone(String name, String zone) {
        String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        String z = zone.endsWith(".") ? zone.substring(0, zone.length() - 1) : zone;
        return n.equals(z) || n.endsWith("." + z);
    }

    static String listed(Set<String> names) {
        return names.isEmpty() ? "none" : names.stream().sorted().collect(Collectors.joining(", "));
    }
}
