package io.plumbline.provider.aws.vpc;

import io.plumbline.provider.ProviderException;
import io.plumbline.provider.aws.AwsContext;
import io.plumbline.render.aws.Body;
import io.plumbline.render.aws.VpcRender;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.model.Route;

/**
 * Names and ids of what routes point at: internet and NAT gateways by their {@code Name} tag, subnets by theirs.
 * A target that is not Plumbline's to name (a peering connection added by hand) keeps its id.
 */
final class RouteTargets {
    private final AwsContext ctx;

    RouteTargets(AwsContext ctx) {
        this.ctx = ctx;
    }

    Map<String, Object> route(Route r) {
        if (r.gatewayId() != null && r.gatewayId().startsWith("igw-")) {
            return VpcRender.route(r.destinationCidrBlock(), names(true).getOrDefault(r.gatewayId(), r.gatewayId()),
                    null);
        }
        if (r.natGatewayId() != null) {
            return VpcRender.route(r.destinationCidrBlock(), null, names(false).getOrDefault(r.natGatewayId(),
                    r.natGatewayId()));
        }
        String other = r.gatewayId() != null ? r.gatewayId() : r.vpcPeeringConnectionId() != null
                ? r.vpcPeeringConnectionId() : r.networkInterfaceId() != null ? r.networkInterfaceId()
                : r.transitGatewayId();
        return Body.of().put("destination", r.destinationCidrBlock()).put("target", other).build();
    }

    String subnetName(String subnetId) {
        return NetworkReads.subnets(ctx).stream().filter(s -> s.subnetId().equals(subnetId))
                .map(s -> Ec2Tags.name(s.tags())).findFirst().orElse(subnetId);
    }

    String internetGatewayId(String name) {
        return names(true).entrySet().stream().filter(e -> e.getValue().equals(name)).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> ProviderException.refused("aws: no internet gateway named " + name));
    }

    String natGatewayId(String name) {
        return names(false).entrySet().stream().filter(e -> e.getValue().equals(name)).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> ProviderException.refused("aws: no NAT gateway named " + name));
    }

    /** Gateway names by id: internet gateways, or NAT gateways. */
    private Map<String, String> names(boolean internet) {
        return internet
                ? NetworkReads.internetGateways(ctx).stream().collect(Collectors.toMap(g -> g.internetGatewayId(),
                        g -> Ec2Tags.name(g.tags()), (a, b) -> a))
                : NetworkReads.natGateways(ctx).stream().collect(Collectors.toMap(n -> n.natGatewayId(),
                        n -> Ec2Tags.name(n.tags()), (a, b) -> a));
    }
}
