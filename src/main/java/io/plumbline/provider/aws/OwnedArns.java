package io.plumbline.provider.aws;

import io.plumbline.model.Marks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.ResourceTagMapping;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.TagFilter;

/**
 * Finds what carries an environment's marks through the Resource Groups Tagging API: ACM certificates and EC2
 * security groups. One paginated GetResources finds them for every environment of the account (the environment tag
 * with any value, and {@code managed=true}), shared through {@link Lookup#accountWide} under {@link #SHARED}; each
 * environment then keeps those tagged with its own name ({@link #of}). The other kinds are found by their own list
 * calls (listeners, rules and repositories by their tags, Route53 records by their owner records, scheduled actions
 * and policies by their group's member tags).
 */
final class OwnedArns {
    /** The service as a whole: certificates are ACM's only resource type, and moto matches only this spelling. */
    static final String CERTIFICATE = "acm";
    static final String SECURITY_GROUP = "ec2:security-group";
    private static final List<String> TYPES = List.of(CERTIFICATE, SECURITY_GROUP);
    /** The name of the shared read: everything it depends on. */
    static final String SHARED = "tagged " + TYPES + " with " + Marks.AWS_ENVIRONMENT_TAG + " (any environment) and "
            + Marks.AWS_MANAGED_TAG + "=true";

    private OwnedArns() {
    }

    /** Every certificate and security group carrying the marks of any environment, with its tags. */
    static List<ResourceTagMapping> read(AwsClients aws) {
        return aws.tagging().getResourcesPaginator(r -> r.resourceTypeFilters(TYPES)
                .tagFilters(TagFilter.builder().key(Marks.AWS_ENVIRONMENT_TAG).build(),
                        TagFilter.builder().key(Marks.AWS_MANAGED_TAG).values("true").build()))
                .resourceTagMappingList().stream().toList();
    }

    /** The ARNs of {@code marked} that carry {@code environment}'s marks, by type (each type present). */
    static Map<String, List<String>> of(List<ResourceTagMapping> marked, String environment) {
        Map<String, List<String>> byType = new LinkedHashMap<>();
        TYPES.forEach(t -> byType.put(t, new ArrayList<>()));
        AwsMarks marks = new AwsMarks(environment);
        marked.stream().filter(m -> marks.on(AwsMarks.tagging(m.tags())))
                .forEach(m -> byType.get(type(m.resourceARN())).add(m.resourceARN()));
        return byType;
    }

    /** {@code arn:aws:acm:…:certificate/…} is a certificate, {@code arn:aws:ec2:…:security-group/…} a group. */
    private static String type(String arn) {
        return arn.split(":")[2].equals("acm") ? CERTIFICATE : SECURITY_GROUP;
    }
}
