package io.plumbline.provider.aws;

import java.util.List;
import java.util.Map;

/**
 * What of an account to import.
 *
 * @param region     the region read
 * @param vpcId      a VPC by id, or null
 * @param eksCluster an EKS cluster by name, whose VPC is read when no VPC id is given, or null
 * @param tags       tags an object must all carry to be read (VPCs when no id or cluster names one, roles,
 *                   Auto Scaling groups); empty for every object of the VPC
 * @param zones      hosted zones by name ({@code example.com}) whose records are read
 */
public record AwsImportScope(String region, String vpcId, String eksCluster, Map<String, String> tags,
                             List<String> zones) {
    public AwsImportScope {
        tags = Map.copyOf(tags);
        zones = List.copyOf(zones);
    }
}
