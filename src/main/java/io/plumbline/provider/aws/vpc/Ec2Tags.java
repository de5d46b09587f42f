package io.plumbline.provider.aws.vpc;

import io.plumbline.model.Change;
import io.plumbline.provider.aws.AwsContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/** The tags of network objects: read as a map, written as the name, the declared tags and the marks together. */
public final class Ec2Tags {
    private Ec2Tags() {
    }

    /** {@code Name}, the declared tags and this environment's marks: creating, adopting and re-tagging write these. */
    static List<Tag> written(AwsContext ctx, Change change) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("Name", change.key().name());
        @SuppressWarnings("unchecked")
        Map<String, String> declared = (Map<String, String>) change.desired().body().getOrDefault("tags", Map.of());
        tags.putAll(declared);
        tags.putAll(ctx.ownershipTags());
        return tags.entrySet().stream().map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList();
    }

    static TagSpecification onCreate(AwsContext ctx, Change change, ResourceType type) {
        return TagSpecification.builder().resourceType(type).tags(written(ctx, change)).build();
    }

    /**
     * Re-tags an object whose tags drifted (or that is being adopted), when the update says so; other tags on it
     * are left alone.
     */
    static void restore(AwsContext ctx, Change change, String id) {
        if (change.fields().stream().anyMatch(f -> f.path().startsWith("tags") || f.path().equals("marks"))) {
            ctx.aws().ec2().createTags(r -> r.resources(id).tags(written(ctx, change)));
        }
    }

    static String name(List<Tag> tags) {
        return tags.stream().filter(t -> t.key().equals("Name")).map(Tag::value).findFirst().orElse("");
    }
}
