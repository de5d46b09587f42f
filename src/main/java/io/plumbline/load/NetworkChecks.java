package io.plumbline.load;

import io.plumbline.model.spec.aws.AwsSpec;
import io.plumbline.model.spec.aws.NatGateway;
import io.plumbline.model.spec.aws.Route;
import io.plumbline.model.spec.aws.RouteTable;
import io.plumbline.model.spec.aws.Subnet;
import io.plumbline.model.spec.aws.Vpc;
import java.util.Map;
import java.util.Set;

/**
 * What the schema cannot say about {@code spec.aws.network}: names unique, zones in the region, subnets inside
 * their VPC and apart, and every subnet, gateway and route target named in a VPC declared in it.
 */
final class NetworkChecks {
    private static final String AT = "/spec/aws/network/vpcs/";

    private NetworkChecks() {
    }

    static void check(AwsSpec aws, Checks checks) {
        if (aws.network() == null) {
            return;
        }
        Map<String, String> vpcs = Checks.names();
        Map<String, String> gateways = Checks.names();
        Map<String, String> nats = Checks.names();
        for (int i = 0; i < aws.network().vpcs().size(); i++) {
            Vpc v = aws.network().vpcs().get(i);
            String at = AT + i;
            checks.unique(vpcs, v.name(), at + "/name", "VPC");
            aligned(v.cidr(), at + "/cidr", checks);
            if (v.internetGateway() != null) {
                checks.unique(gateways, v.internetGateway(), at + "/internetGateway", "internet gateway");
            }
            Set<String> subnets = subnets(aws.region(), v, at, checks);
            for (int j = 0; j < v.natGateways().size(); j++) {
                NatGateway n = v.natGateways().get(j);
                checks.unique(nats, n.name(), at + "/natGateways/" + j + "/name", "NAT gateway");
                declared(subnets, n.subnet(), at + "/natGateways/" + j + "/subnet", "subnet", v, checks);
            }
            routeTables(v, subnets, nats.keySet(), at, checks);
        }
    }

    private static Set<String> subnets(String region, Vpc v, String at, Checks checks) {
        Map<String, String> seen = Checks.names();
        for (int j = 0; j < v.subnets().size(); j++) {
            Subnet s = v.subnets().get(j);
            String sat = at + "/subnets/" + j;
            checks.unique(seen, s.name(), sat + "/name", "subnet");
            aligned(s.cidr(), sat + "/cidr", checks);
            if (region != null && !(s.zone().startsWith(region) && s.zone().length() == region.length() + 1)) {
                checks.at(sat + "/zone", "zone " + s.zone() + " is not in the environment's region " + region);
            }
            if (!Cidrs.inside(s.cidr(), v.cidr())) {
                checks.at(sat + "/cidr", "subnet " + s.cidr() + " is not inside the VPC's block " + v.cidr());
            }
            for (int k = 0; k < j; k++) {
                if (Cidrs.overlap(s.cidr(), v.subnets().get(k).cidr())) {
                    checks.at(sat + "/cidr", "subnet " + s.cidr() + " overlaps subnet " + v.subnets().get(k).name()
                            + " (" + v.subnets().get(k).cidr() + ")");
                }
            }
        }
        return seen.keySet();
    }

    private static void routeTables(Vpc v, Set<String> subnets, Set<String> nats, String at, Checks checks) {
        Map<String, String> tables = Checks.names();
        Map<String, String> associated = Checks.names();
        Set<String> own = Set.copyOf(v.natGateways().stream().map(NatGateway::name).toList());
        for (int j = 0; j < v.routeTables().size(); j++) {
            RouteTable t = v.routeTables().get(j);
            String tat = at + "/routeTables/" + j;
            checks.unique(tables, t.name(), tat + "/name", "route table");
            for (int k = 0; k < t.subnets().size(); k++) {
                declared(subnets, t.subnets().get(k), tat + "/subnets/" + k, "subnet", v, checks);
                checks.unique(associated, t.subnets().get(k), tat + "/subnets/" + k, "a route table of subnet");
            }
            Map<String, String> destinations = Checks.names();
            for (int k = 0; k < t.routes().size(); k++) {
                Route r = t.routes().get(k);
                String rat = tat + "/routes/" + k;
                checks.unique(destinations, r.destination(), rat + "/destination", "route to");
                if ((r.internetGateway() == null) == (r.natGateway() == null)) {
                    checks.at(rat, "a route needs exactly one of internetGateway or natGateway");
                } else if (r.internetGateway() != null && !r.internetGateway().equals(v.internetGateway())) {
                    checks.at(rat + "/internetGateway", "internet gateway '" + r.internetGateway()
                            + "' is not the one of VPC " + v.name() + " (" + (v.internetGateway() == null ? "none"
                            : v.internetGateway()) + ")");
                } else if (r.natGateway() != null) {
                    declared(own, r.natGateway(), rat + "/natGateway", "NAT gateway", v, checks);
                }
            }
        }
    }

    private static void aligned(String cidr, String pointer, Checks checks) {
        String first = Cidrs.first(cidr);
        if (!cidr.equals(first)) {
            checks.at(pointer, cidr + " has bits set past its prefix; the block is " + first);
        }
    }

    private static void declared(Set<String> names, String name, String pointer, String what, Vpc v, Checks checks) {
        if (!names.contains(name)) {
            checks.at(pointer, "no " + what + " '" + name + "' is declared in VPC " + v.name() + "; declared: "
                    + AwsChecks.listed(names));
        }
    }
}
