package io.plumbline.model.spec.aws;

/** @param loadBalancer the name of a load balancer declared in {@code loadBalancers} */
public record Alias(String loadBalancer) {
}
