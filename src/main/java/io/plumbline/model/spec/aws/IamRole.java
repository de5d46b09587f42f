package io.plumbline.model.spec.aws;

import io.plumbline.model.spec.Lists;
import java.util.List;
import java.util.Map;

/**
 * An IAM role, created with its trust policy, inline policies, attached managed policies and tags.
 *
 * @param assumeRolePolicy who may assume the role: a service, or a whole document (inline or from a file)
 * @param policies         inline policies, each a document inline or from a file
 * @param managedPolicies  ARNs of managed policies attached to the role; others attached by hand are detached
 * @param adopt            take over a role of this name that exists without Plumbline's marks
 */
public record IamRole(String name, PolicySource assumeRolePolicy, List<RolePolicy> policies,
                      List<String> managedPolicies, Map<String, String> tags, Boolean adopt) {
    public IamRole {
        policies = Lists.of(policies);
        managedPolicies = Lists.of(managedPolicies);
        tags = Lists.of(tags);
        adopt = adopt != null && adopt;
    }
}
