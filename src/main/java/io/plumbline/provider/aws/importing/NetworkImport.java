package io.plumbline.provider.aws.importing;

import io.plumbline.importer.Commented;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;

/**
 * One VPC with its subnets, internet gateway, NAT gateways and route tables, marked {@code adopt: true} (its parts
 * follow it). A VPC whose Name another VPC of the region has too is left out: Plumbline would take either. A part without a {@code Name} tag cannot be declared (Plumbline finds network objects by it) and is
 * named in the report; a route table with a route the file cannot say (peering, endpoints, a gateway left out) is
 * left out whole, since adopting it would remove that route.
 */
final class NetworkImport {
    private final Ec2Client ec2;
    private final Collected collected;
    /** Subnet id to name, for route tables, groups and Auto Scaling groups. */
    final Map<String, String> subnetNames = new HashMap<>();
    private final Map<String, String> gatewayNames = new HashMap<>();

    NetworkImport(Ec2Client ec2, Collected collected) {
        this.ec2 = ec2;
        this.collected = collected;
    }

    /** The VPC as the file declares it, or null (named in the report) when it cannot be declared. */
    Object vpc(Vpc vpc) {
        String name = name(vpc.tags());
        if (!Ec2Names.declarable(name)) {
            collected.leave("VPC " + vpc.vpcId(), "has no Name tag Plumbline could know it by (found: " + name
                    + "); tag it with a Name and import again");
            return null;
        }
        List<String> namesakes = ec2.describeVpcsPaginator(r -> r.filters(Filter.builder().name("tag:Name")
                .values(name).build())).vpcs().stream().map(Vpc::vpcId).filter(id -> !id.equals(vpc.vpcId())).toList();
        if (!namesakes.isEmpty()) {
            collected.leave("VPC " + vpc.vpcId() + " (" + name + ")", "its Name is also the Name of "
                    + String.join(", ", namesakes) + ", and Plumbline knows a VPC by its Name: rename one and import"
                    + " again");
            return null;
        }
        Filter inVpc = Filter.builder().name("vpc-id").values(vpc.vpcId()).build();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        out.put("cidr", vpc.cidrBlock());
        out.put("dnsSupport", ec2.describeVpcAttribute(r -> r.vpcId(vpc.vpcId())
                .attribute(VpcAttributeName.ENABLE_DNS_SUPPORT)).enableDnsSupport().value());
        out.put("dnsHostnames", ec2.describeVpcAttribute(r -> r.vpcId(vpc.vpcId())
                .attribute(VpcAttributeName.ENABLE_DNS_HOSTNAMES)).enableDnsHostnames().value());
        out.put("tags", Ec2Names.tags(vpc.tags(), Tag::key, Tag::value));
        out.put("internetGateway", internetGateway(vpc.vpcId()));
        List<Object> subnets = new ArrayList<>();
        for (Subnet s : ec2.describeSubnetsPaginator(r -> r.filters(inVpc)).subnets()) {
            String subnet = name(s.tags());
            if (!Ec2Names.declarable(subnet)) {
                collected.leave("subnet " + s.subnetId() + " of " + name, "has no Name tag to declare it by");
                continue;
            }
            subnetNames.put(s.subnetId(), subnet);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", subnet);
            body.put("zone", s.availabilityZone());
            body.put("cidr", s.cidrBlock());
            body.put("public", Boolean.TRUE.equals(s.mapPublicIpOnLaunch()));
            body.put("tags", Ec2Names.tags(s.tags(), Tag::key, Tag::value));
            subnets.add(new Commented(s.subnetId(), body));
            collected.count("subnet");
        }
        out.put("subnets", subnets.isEmpty() ? null : subnets);
        out.put("natGateways", natGateways(inVpc, name));
        out.put("routeTables", routeTables(inVpc, name));
        out.put("adopt", true);
        collected.count("VPC");
        return new Commented(vpc.vpcId() + " (its subnets, gateways and route tables follow its adopt)", out);
    }

    private String internetGateway(String vpcId) {
        for (InternetGateway g : ec2.describeInternetGatewaysPaginator(r -> r.filters(Filter.builder()
                .name("attachment.vpc-id").values(vpcId).build())).internetGateways()) {
            String name = name(g.tags());
            if (Ec2Names.declarable(name)) {
                gatewayNames.put(g.internetGatewayId(), name);
                collected.count("internet gateway");
                return name;
            }
            collected.leave("internet gateway " + g.internetGatewayId(), "has no Name tag to declare it by");
        }
        return null;
    }

    private List<Object> natGateways(Filter inVpc, String vpc) {
        List<Object> out = new ArrayList<>();
        for (NatGateway g : ec2.describeNatGatewaysPaginator(r -> r.filter(inVpc)).natGateways()) {
            if (!"available".equals(g.stateAsString()) && !"pending".equals(g.stateAsString())) {
                continue;
            }
            String name = name(g.tags());
            String subnet = subnetNames.get(g.subnetId());
            if (!Ec2Names.declarable(name) || subnet == null) {
                collected.leave("NAT gateway " + g.natGatewayId() + " of " + vpc, "has no Name tag, or its subnet"
                        + " has none, to declare it by");
                continue;
            }
            gatewayNames.put(g.natGatewayId(), name);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            body.put("subnet", subnet);
            body.put("tags", Ec2Names.tags(g.tags(), Tag::key, Tag::value));
            out.add(new Commented(g.natGatewayId(), body));
            collected.count("NAT gateway");
        }
        return out.isEmpty() ? null : out;
    }

    private List<Object> routeTables(Filter inVpc, String vpc) {
        List<Object> out = new ArrayList<>();
        for (RouteTable t : ec2.describeRouteTablesPaginator(r -> r.filters(inVpc)).routeTables()) {
            boolean main = t.associations().stream().anyMatch(a -> Boolean.TRUE.equals(a.main()));
            String name = name(t.tags());
            if (!Ec2Names.declarable(name)) {
                if (!main || t.routes().size() > 1) {
                    collected.leave("route table " + t.routeTableId() + " of " + vpc + (main ? " (the main one)" : ""),
                            "has no Name tag to declare it by");
                }
                continue;
            }
            List<Object> routes = new ArrayList<>();
            String unsaid = null;
            for (Route r : t.routes()) {
                if ("local".equals(r.gatewayId())) {
                    continue;
                }
                String target = r.gatewayId() != null ? gatewayNames.get(r.gatewayId())
                        : r.natGatewayId() != null ? gatewayNames.get(r.natGatewayId()) : null;
                if (r.destinationCidrBlock() == null || target == null) {
                    unsaid = "a route to " + (r.destinationCidrBlock() == null ? r.destinationIpv6CidrBlock()
                            : r.destinationCidrBlock()) + " the file cannot say";
                    break;
                }
                Map<String, Object> route = new LinkedHashMap<>();
                route.put("destination", r.destinationCidrBlock());
                route.put(r.gatewayId() != null ? "internetGateway" : "natGateway", target);
                routes.add(route);
            }
            List<Object> subnets = t.associations().stream().filter(a -> a.subnetId() != null)
                    .map(a -> (Object) subnetNames.get(a.subnetId())).toList();
            if (unsaid == null && subnets.contains(null)) {
                unsaid = "an association with a subnet left out";
            }
            if (unsaid != null) {
                collected.leave("route table " + name + " (" + t.routeTableId() + ")", "has " + unsaid
                        + "; adopting it would remove that, so it stays out of the file");
                continue;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            body.put("subnets", subnets.isEmpty() ? null : subnets);
            body.put("routes", routes.isEmpty() ? null : routes);
            body.put("tags", Ec2Names.tags(t.tags(), Tag::key, Tag::value));
            out.add(new Commented(t.routeTableId(), body));
            collected.count("route table");
        }
        return out.isEmpty() ? null : out;
    }

    private static String name(List<Tag> tags) {
        return Ec2Names.name(tags, Tag::key, Tag::value);
    }
}
