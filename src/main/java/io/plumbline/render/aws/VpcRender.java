package io.plumbline.render.aws;

import static io.plumbline.render.aws.AwsRender.resource;

import io.plumbline.model.Resource;
import io.plumbline.model.spec.aws.AwsSpec;
import io.plumbline.model.spec.aws.NatGateway;
import io.plumbline.model.spec.aws.Route;
import io.plumbline.model.spec.aws.RouteTable;
import io.plumbline.model.spec.aws.Subnet;
import io.plumbline.model.spec.aws.Vpc;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The network of {@code spec.aws.network}: each VPC, then its subnets, internet gateway, the Elastic IPs and NAT
 * gateways, and its route tables. Objects inside a VPC are keyed by the VPC's name; an internet gateway by its own
 * name and an Elastic IP by the name of its NAT gateway (both unique in the environment), so that neither key
 * depends on an attachment.
 */
public final class VpcRender {
    private VpcRender() {
    }

    public static List<Resource> render(AwsSpec spec) {
        List<Resource> out = new ArrayList<>();
        if (spec.network() == null) {
            return out;
        }
        for (Vpc v : spec.network().vpcs()) {
            out.add(resource(AwsKinds.VPC, "", v.name(), Body.of().put("cidr", v.cidr())
                    .put("dnsSupport", v.dnsSupport()).put("dnsHostnames", v.dnsHostnames()).put("tags", v.tags())
                    .build()));
            v.subnets().forEach(s -> out.add(resource(AwsKinds.SUBNET, v.name(), s.name(), subnet(s))));
            if (v.internetGateway() != null) {
                out.add(resource(AwsKinds.INTERNET_GATEWAY, "", v.internetGateway(),
                        Body.of().put("attachedTo", v.name()).build()));
            }
            for (NatGateway n : v.natGateways()) {
                out.add(resource(AwsKinds.ELASTIC_IP, "", n.name(), Body.of().put("tags", n.tags()).build()));
                out.add(resource(AwsKinds.NAT_GATEWAY, v.name(), n.name(), Body.of().put("subnet", n.subnet())
                        .put("tags", n.tags()).build()));
            }
            v.routeTables().forEach(t -> out.add(resource(AwsKinds.ROUTE_TABLE, v.name(), t.name(), routeTable(t))));
        }
        return out;
    }

    private static Map<String, Object> subnet(Subnet s) {
        return Body.of().put("zone", s.zone()).put("cidr", s.cidr()).put("public", s.isPublic())
                .put("tags", s.tags()).build();
    }

    private static Map<String, Object> routeTable(RouteTable t) {
        List<Map<String, Object>> routes = t.routes().stream().sorted(Comparator.comparing(Route::destination))
                .map(r -> route(r.destination(), r.internetGateway(), r.natGateway())).toList();
        return Body.of().put("subnets", t.subnets().stream().sorted().toList()).put("routes", routes)
                .put("tags", t.tags()).build();
    }

    /** One route as compared, rendered or observed: its destination and the name of its target. */
    public static Map<String, Object> route(String destination, String internetGateway, String natGateway) {
        return Body.of().put("destination", destination).put("internetGateway", internetGateway)
                .put("natGateway", natGateway).build();
    }
}
