package io.plumbline.model.spec.aws;

import io.plumbline.model.spec.Lists;
import java.util.List;
import java.util.Map;

/**
 * A route table of a declared VPC, by its {@code Name} tag: its routes (besides the VPC's local route) and the
 * declared subnets associated with it.
 */
public record RouteTable(String name, List<String> subnets, List<Route> routes, Map<String, String> tags) {
    public RouteTable {
        subnets = Lists.of(subnets);
        routes = Lists.of(routes);
        tags = Lists.of(tags);
    }
}
