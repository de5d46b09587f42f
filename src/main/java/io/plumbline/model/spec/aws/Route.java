package io.plumbline.model.spec.aws;

/**
 * One route: traffic to {@code destination} goes through the named internet gateway or NAT gateway (exactly one).
 */
public record Route(String destination, String internetGateway, String natGateway) {
}
