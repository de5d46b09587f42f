package io.plumbline.provider.aws.vpc;

import io.plumbline.model.Change;
import io.plumbline.model.Resource;
import io.plumbline.provider.aws.AwsContext;
import io.plumbline.provider.aws.AwsMarks;
import io.plumbline.provider.aws.ClientTokens;
import io.plumbline.provider.aws.AwsKind;
import io.plumbline.render.aws.AwsKinds;
import io.plumbline.render.aws.Body;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;

/**
 * Route tables by VPC and {@code Name} tag: their routes (the VPC's local route aside) and their subnet
 * associations. The routes of a table Plumbline manages are all its own: a route added by hand is drift and is
 * removed, a changed target is put back.
 */
public final class RouteTables implements AwsKind {
    private static final NetworkWrite WRITE = new NetworkWrite(NetworkReads.ROUTE_TABLES, "routeTableId");

    @Override
    public String kind() {
        return AwsKinds.ROUTE_TABLE;
    }

    @Override
    public List<Resource> observe(AwsContext ctx, List<Resource> desired) {
        Found found = new Found(ctx, desired);
        RouteTargets targets = new RouteTargets(ctx);
        List<Resource> out = new ArrayList<>();
        for (RouteTable t : NetworkReads.routeTables(ctx)) {
            Map<String, String> associations = new TreeMap<>();
            t.associations().stream().filter(a -> !Boolean.TRUE.equals(a.main()) && a.subnetId() != null)
                    .forEach(a -> associations.put(targets.subnetName(a.subnetId()), a.routeTableAssociationId()));
            List<Map<String, Object>> routes = t.routes().stream().filter(r -> !"local".equals(r.gatewayId()))
                    .filter(r -> r.destinationCidrBlock() != null)
                    .sorted(Comparator.comparing(Route::destinationCidrBlock)).map(targets::route).toList();
            found.add(out, Found.key(kind(), NetworkReads.vpcName(ctx, t.vpcId()), Ec2Tags.name(t.tags())),
                    AwsMarks.ec2(t.tags()), Body.of().put("subnets", List.copyOf(associations.keySet()))
                            .put("routes", routes).put("routeTableId", t.routeTableId())
                            .put("associations", associations).build());
        }
        return out;
    }

    @Override
    public void apply(AwsContext ctx, Change change) {
        WRITE.apply(ctx, change, RouteTables::create, RouteTables::update, RouteTables::delete);
    }

    private static void create(AwsContext ctx, Change change) {
        String vpcId = NetworkReads.vpcId(ctx, change.key().namespace());
        String id = ctx.aws().ec2().createRouteTable(r -> r.vpcId(vpcId).overrideConfiguration(ClientTokens.SENT_ONCE)
                .tagSpecifications(Ec2Tags.onCreate(ctx, change, ResourceType.ROUTE_TABLE))).routeTable()
                .routeTableId();
        routes(ctx, id, change.desired().body(), List.of());
        associate(ctx, change, id, Map.of());
    }

    private static void update(AwsContext ctx, Change change, String id) {
        Set<String> fields = change.topFields();
        if (fields.contains("routes")) {
            routes(ctx, id, change.desired().body(), list(change.actual().body().get("routes")));
        }
        if (fields.contains("subnets")) {
            Map<String, String> current = associations(change.actual().body());
            List<String> wanted = strings(change.desired().body().get("subnets"));
            current.forEach((subnet, association) -> {
                if (!wanted.contains(subnet)) {
                    ctx.aws().ec2().disassociateRouteTable(r -> r.associationId(association));
                }
            });
            associate(ctx, change, id, current);
        }
    }

    private static void delete(AwsContext ctx, Change change, String id) {
        associations(change.actual().body()).values().forEach(a -> ctx.aws().ec2().disassociateRouteTable(r -> r
                .associationId(a)));
        ctx.aws().ec2().deleteRouteTable(r -> r.routeTableId(id));
    }

    /** Removes the routes that are not wanted as they are, then creates the wanted ones that are missing. */
    private static void routes(AwsContext ctx, String id, Map<String, Object> desired, List<Map<String, Object>> now) {
        List<Map<String, Object>> wanted = list(desired.get("routes"));
        for (Map<String, Object> r : now) {
            if (!wanted.contains(r)) {
                String destination = (String) r.get("destination");
                ctx.aws().ec2().deleteRoute(d -> d.routeTableId(id).destinationCidrBlock(destination));
            }
        }
        RouteTargets targets = new RouteTargets(ctx);
        for (Map<String, Object> r : wanted) {
            if (!now.contains(r)) {
                String destination = (String) r.get("destination");
                if (r.get("internetGateway") != null) {
                    String gateway = targets.internetGatewayId((String) r.get("internetGateway"));
                    ctx.aws().ec2().createRoute(c -> c.routeTableId(id).destinationCidrBlock(destination)
                            .gatewayId(gateway));
                } else {
                    String nat = targets.natGatewayId((String) r.get("natGateway"));
                    ctx.aws().ec2().createRoute(c -> c.routeTableId(id).destinationCidrBlock(destination)
                            .natGatewayId(nat));
                }
            }
        }
    }

    /**
     * Associates the wanted subnets not yet associated with this table; a subnet associated with another table is
     * moved (the association replaced), since a subnet has one table.
     */
    private static void associate(AwsContext ctx, Change change, String id, Map<String, String> current) {
        for (String subnet : strings(change.desired().body().get("subnets"))) {
            if (current.containsKey(subnet)) {
                continue;
            }
            String subnetId = NetworkReads.subnet(ctx, change.key().namespace(), subnet).subnetId();
            String elsewhere = NetworkReads.routeTables(ctx).stream().flatMap(t -> t.associations().stream())
                    .filter(a -> subnetId.equals(a.subnetId())).map(RouteTableAssociation::routeTableAssociationId)
                    .findFirst().orElse(null);
            if (elsewhere != null) {
                ctx.aws().ec2().replaceRouteTableAssociation(r -> r.associationId(elsewhere).routeTableId(id));
            } else {
                ctx.aws().ec2().associateRouteTable(r -> r.routeTableId(id).subnetId(subnetId));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> associations(Map<String, Object> body) {
        return (Map<String, String>) body.getOrDefault("associations", Map.of());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object routes) {
        return routes == null ? List.of() : (List<Map<String, Object>>) routes;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object subnets) {
        return subnets == null ? List.of() : (List<String>) subnets;
    }
}
