package io.plumbline.provider.aws.ec2;

import io.plumbline.model.Resource;
import io.plumbline.provider.aws.AwsContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.Tag;

/** EC2 tags of launch templates and instances: read as maps, written as the declared tags plus the marks. */
final class Tags {
    private Tags() {
    }

    /** The declared tags of a resource body, then {@code extra} (a Name), then the marks. */
    @SuppressWarnings("unchecked")
    static List<Tag> list(AwsContext ctx, Resource desired, Map<String, String> extra) {
        Map<String, String> tags = new LinkedHashMap<>((Map<String, String>) desired.body()
                .getOrDefault("tags", Map.of()));
        tags.putAll(extra);
        tags.putAll(ctx.ownershipTags());
        return tags.entrySet().stream().map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList();
    }

    static List<Tag> list(AwsContext ctx, Resource desired) {
        return list(ctx, desired, Map.of());
    }

    /** An instance profile's name, given its name or its ARN ({@code arn:aws:iam::…:instance-profile/path/Name}). */
    static String profileName(String name, String arn) {
        return name != null ? name : arn == null ? null : arn.substring(arn.lastIndexOf('/') + 1);
    }
}
