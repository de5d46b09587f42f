package io.plumbline.provider.aws.iam;

import io.plumbline.model.Change;
import io.plumbline.model.Resource;
import io.plumbline.model.ResourceKey;
import io.plumbline.provider.aws.AwsContext;
import io.plumbline.provider.aws.AwsKind;
import io.plumbline.provider.aws.AwsMarks;
import io.plumbline.render.aws.AwsKinds;
import io.plumbline.render.aws.Body;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.iam.model.PolicyDetail;
import software.amazon.awssdk.services.iam.model.RoleDetail;

/**
 * Inline policies of roles, keyed by role and policy name. Inline policies carry no tags: one is Plumbline's when
 * its role carries the marks. Their documents come with the roles' one read, so drift in a document costs no call.
 * A declared policy of a role that exists without the marks is observed as a foreign, empty policy: the plan shows
 * it as adopt, and nothing is written into someone else's role until the role says {@code adopt: true}.
 */
public final class IamRolePolicies implements AwsKind {

    @Override
    public String kind() {
        return AwsKinds.IAM_ROLE_POLICY;
    }

    @Override
    public Set<String> documents() {
        return Set.of("document");
    }

    @Override
    public List<Resource> observe(AwsContext ctx, List<Resource> desired) {
        if (!IamReads.needed(ctx)) {
            return List.of();
        }
        Set<String> roles = desired.stream().map(r -> r.key().namespace()).collect(Collectors.toSet());
        Set<ResourceKey> declared = desired.stream().map(Resource::key).collect(Collectors.toSet());
        List<Resource> out = new ArrayList<>();
        for (RoleDetail role : IamReads.roles(ctx)) {
            boolean owned = ctx.owned(AwsMarks.iam(role.tags()));
            if (!roles.contains(role.roleName()) && !owned) {
                continue;
            }
            Set<ResourceKey> found = new HashSet<>();
            for (PolicyDetail p : role.rolePolicyList()) {
                ResourceKey key = key(role.roleName(), p.policyName());
                found.add(key);
                out.add(new Resource(key, Body.of().put("document", IamReads.document(p.policyDocument(),
                        "inline policy " + p.policyName() + " of role " + role.roleName())).build(), owned));
            }
            if (!owned) {
                declared.stream().filter(k -> k.namespace().equals(role.roleName()) && !found.contains(k))
                        .forEach(k -> out.add(new Resource(k, Map.of(), false)));
            }
        }
        return out;
    }

    private static ResourceKey key(String role, String policy) {
        return ResourceKey.of(AwsKinds.PROVIDER, AwsKinds.IAM_ROLE_POLICY, role, policy);
    }

    @Override
    public void apply(AwsContext ctx, Change change) {
        String role = change.key().namespace();
        String name = change.key().name();
        switch (change.action()) {
            case CREATE, UPDATE -> ctx.aws().iam().putRolePolicy(r -> r.roleName(role).policyName(name)
                    .policyDocument(IamReads.json(change.desired().body().get("document"))));
            case DELETE -> ctx.aws().iam().deleteRolePolicy(r -> r.roleName(role).policyName(name));
            default -> { }
        }
    }
}
