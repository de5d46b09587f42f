package io.plumbline.model.spec.aws;

import io.plumbline.model.spec.Lists;
import java.util.List;
import java.util.Map;

/**
 * A VPC found (or created) by its {@code Name} tag, with everything declared inside it.
 *
 * @param cidr            the IPv4 block; AWS cannot change it in place
 * @param tags            further tags; {@code kubernetes.io/cluster/<name>: shared} keeps it from ever being deleted
 * @param internetGateway the {@code Name} of the internet gateway attached to it, if any
 * @param adopt           take over a VPC of this name, and the objects declared in it, that exist without
 *                        Plumbline's marks
 */
public record Vpc(String name, String cidr, Boolean dnsSupport, Boolean dnsHostnames, Map<String, String> tags,
                  String internetGateway, List<Subnet> subnets, List<NatGateway> natGateways,
                  List<RouteTable> routeTables, Boolean adopt) {
    public Vpc {
        dnsSupport = dnsSupport == null || dnsSupport;
        dnsHostnames = dnsHostnames != null && dnsHostnames;
        tags = Lists.of(tags);
        subnets = Lists.of(subnets);
        natGateways = Lists.of(natGateways);
        routeTables = Lists.of(routeTables);
        adopt = adopt != null && adopt;
    }
}
