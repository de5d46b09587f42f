package io.plumbline.provider.aws.vpc;

import io.plumbline.model.Resource;
import io.plumbline.model.ResourceKey;
import io.plumbline.provider.aws.AwsContext;
import io.plumbline.render.aws.AwsKinds;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a network kind reports of what it read: the objects the environment declares (by key) and those that carry
 * its marks, each with all of its tags in {@code tags} (the diff compares only the declared ones).
 */
final class Found {
    private final AwsContext ctx;
    private final Set<ResourceKey> declared;

    Found(AwsContext ctx, List<Resource> desired) {
        this.ctx = ctx;
        this.declared = desired.stream().map(Resource::key).collect(Collectors.toSet());
    }

    static ResourceKey key(String kind, String namespace, String name) {
        return ResourceKey.of(AwsKinds.PROVIDER, kind, namespace, name);
    }

    boolean declared(ResourceKey key) {
        return declared.contains(key);
    }

    /** Adds the object to {@code out} when it is declared or marked. */
    void add(List<Resource> out, ResourceKey key, Map<String, String> tags, Map<String, Object> body) {
        boolean marked = ctx.marked(tags);
        if (declared.contains(key) || marked) {
            body.put("tags", tags);
            out.add(new Resource(key, body, marked));
        }
    }
}
