package io.plumbline.provider.aws;

import io.plumbline.model.Marks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.TagFilter;

/**
 * Finds what carries an environment's marks through the Resource Groups Tagging API, in one paginated
 * GetResources: ACM certificates and EC2 security groups. The other kinds are found by their own list calls
 * (listeners, rules and repositories by their tags, Route53 records by their owner records, scheduled actions
 * and policies by their group's member tags).
 */
final class OwnedArns {
    /** The service as a whole: certificates are ACM's only resource type, and moto matches only this spelling. */
    static final String CERTIFICATE = "acm";
    static final String SECURITY_GROUP = "ec2:security-group";

    private OwnedArns() {
    }

    static Map<String, List<String>> read(AwsClients aws, String environment) {
        Map<String, List<String>> byType = new LinkedHashMap<>();
        byType.put(CERTIFICATE, new ArrayList<>());
        byType.put(SECURITY_GROUP, new ArrayList<>());
        aws.tagging().getResourcesPaginator(r -> r.resourceTypeFilters(List.copyOf(byType.keySet()))
                .tagFilters(TagFilter.builder().key(Marks.AWS_ENVIRONMENT_TAG).values(environment).build(),
                        TagFilter.builder().key(Marks.AWS_MANAGED_TAG).values("true").build()))
                .resourceTagMappingList().forEach(m -> byType.get(type(m.resourceARN())).add(m.resourceARN()));
        return byType;
    }

    /** {@code arn:aws:acm:…:certificate/…} is a certificate, {@code arn:aws:ec2:…:security-group/…} a group. */
    private static String type(String arn) {
        return arn.split(":")[2].equals("acm") ? CERTIFICATE : SECURITY_GROUP;
    }
}
