package io.plumbline.model.spec.aws;

import io.plumbline.model.spec.Lists;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The AWS part of an environment.
 *
 * @param accountId  the account the credentials must belong to; nothing is written otherwise
 * @param assumeRole optional ARN of a role to assume for this environment
 * @param network    VPCs Plumbline creates and keeps; null when the environment declares none
 * @param iam        IAM roles and instance profiles
 */
public record AwsSpec(String region, String accountId, String assumeRole, Ecr ecr, Eks eks,
                      Autoscaling autoscaling, List<Certificate> certificates,
                      List<LoadBalancer> loadBalancers, List<DnsZone> dns,
                      List<SecurityGroup> securityGroups, List<ClusterTag> clusterTags,
                      Network network, Iam iam, Compute compute) {
    public AwsSpec {
        ecr = ecr == null ? new Ecr(null) : ecr;
        autoscaling = autoscaling == null ? new Autoscaling(null) : autoscaling;
        certificates = Lists.of(certificates);
        loadBalancers = Lists.of(loadBalancers);
        dns = Lists.of(dns);
        securityGroups = Lists.of(securityGroups);
        clusterTags = Lists.of(clusterTags);
        iam = iam == null ? new Iam(null, null) : iam;
        compute = compute == null ? new Compute(null, null) : compute;
    }

    /**
     * The values of a section (null when there is none) that choose whose identity is used and which endpoints are
     * called, by their path in the file: the account, the role assumed and the region.
     */
    public static Map<String, Object> identity(AwsSpec aws) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("aws.region", aws == null ? null : aws.region());
        fields.put("aws.accountId", aws == null ? null : aws.accountId());
        fields.put("aws.assumeRole", aws == null ? null : aws.assumeRole());
        return fields;
    }
}
