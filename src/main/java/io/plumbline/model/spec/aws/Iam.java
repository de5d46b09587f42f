package io.plumbline.model.spec.aws;

import io.plumbline.model.spec.Lists;
import java.util.List;

/** IAM roles (with their policies) and instance profiles. IAM is global: the region does not scope them. */
public record Iam(List<IamRole> roles, List<InstanceProfile> instanceProfiles) {
    public Iam {
        roles = Lists.of(roles);
        instanceProfiles = Lists.of(instanceProfiles);
    }
}
