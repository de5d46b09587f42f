package io.plumbline.model.spec.aws;

import io.plumbline.model.spec.Lists;
import java.util.Map;

/**
 * An instance profile holding one role, found by name at apply time.
 *
 * @param adopt take over a profile of this name that exists without Plumbline's marks
 */
public record InstanceProfile(String name, String role, Map<String, String> tags, Boolean adopt) {
    public InstanceProfile {
        tags = Lists.of(tags);
        adopt = adopt != null && adopt;
    }
}
