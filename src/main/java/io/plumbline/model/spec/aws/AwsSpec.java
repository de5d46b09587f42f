package io.plumbline.model.spec.aws;

import java.util.List;

/**
 * The AWS part of an environment.
 *
 * @param accountId  the account the credentials must belong to; nothing is written otherwise
 * @param assumeRole optional ARN of a role to assume for this environment
 */
public record AwsSpec(String region, String accountId, String assumeRole, Ecr ecr, Eks eks,
                      Autoscaling autoscaling, List<Certificate> certificates,
                      List<LoadBalancer> loadBalancers, List<DnsZone> dns,
                      List<SecurityGroup> securityGroups, List<ClusterTag> clusterTags) {
    public AwsSpec {
        ecr = ecr == null ? new Ecr(null) : ecr;
        autoscaling = autoscaling == null ? new Autoscaling(null) : autoscaling;
        certificates = certificates == null ? List.of() : List.copyOf(certificates);
        loadBalancers = loadBalancers == null ? List.of() : List.copyOf(loadBalancers);
        dns = dns == null ? List.of() : List.copyOf(dns);
        securityGroups = securityGroups == null ? List.of() : List.copyOf(securityGroups);
        clusterTags = clusterTags == null ? List.of() : List.copyOf(clusterTags);
    }
}
