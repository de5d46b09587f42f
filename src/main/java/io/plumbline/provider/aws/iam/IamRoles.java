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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.RoleDetail;

/**
 * IAM roles: created with their trust policy, attached managed policies and tags (the marks among them); the trust
 * policy, attachments and tags kept true. A role with the marks that is no longer declared is deleted when pruning
 * is on, after its instance profiles and inline policies (reverse apply order): its managed policies are detached,
 * then the role goes.
 */
public final class IamRoles implements AwsKind {

    @Override
    public String kind() {
        return AwsKinds.IAM_ROLE;
    }

    @Override
    public Set<String> documents() {
        return Set.of("assumeRolePolicy");
    }

    @Override
    public List<Resource> observe(AwsContext ctx, List<Resource> desired) {
        if (!IamReads.needed(ctx)) {
            return List.of();
        }
        Set<String> declared = desired.stream().map(r -> r.key().name()).collect(Collectors.toSet());
        List<Resource> out = new ArrayList<>();
        for (RoleDetail role : IamReads.roles(ctx)) {
            Map<String, String> tags = AwsMarks.iam(role.tags());
            boolean owned = ctx.owned(tags);
            if (declared.contains(role.roleName()) || owned) {
                out.add(new Resource(ResourceKey.of(AwsKinds.PROVIDER, kind(), "", role.roleName()), Body.of()
                        .put("assumeRolePolicy", IamReads.document(role.assumeRolePolicyDocument(),
                                "role " + role.roleName()))
                        .put("managedPolicies", role.attachedManagedPolicies().stream().map(AttachedPolicy::policyArn)
                                .sorted().toList())
                        .put("tags", tags).build(), owned));
            }
        }
        return out;
    }

    @Override
    public void apply(AwsContext ctx, Change change) {
        String name = change.key().name();
        switch (change.action()) {
            case CREATE -> create(ctx, name, change.desired().body());
            case UPDATE -> update(ctx, name, change);
            case DELETE -> {
                managed(change.actual().body()).forEach(arn -> ctx.aws().iam().detachRolePolicy(r -> r.roleName(name)
                        .policyArn(arn)));
                ctx.aws().iam().deleteRole(r -> r.roleName(name));
            }
            default -> { }
        }
    }

    private static void create(AwsContext ctx, String name, Map<String, Object> body) {
        ctx.aws().iam().createRole(r -> r.roleName(name).assumeRolePolicyDocument(IamReads.json(
                body.get("assumeRolePolicy"))).tags(IamReads.marked(ctx, body)));
        managed(body).forEach(arn -> ctx.aws().iam().attachRolePolicy(r -> r.roleName(name)
                .policyArn(arn)));
    }

    private static void update(AwsContext ctx, String name, Change change) {
        Map<String, Object> body = change.desired().body();
        Set<String> fields = change.topFields();
        if (fields.contains("assumeRolePolicy")) {
            ctx.aws().iam().updateAssumeRolePolicy(r -> r.roleName(name).policyDocument(IamReads.json(
                    body.get("assumeRolePolicy"))));
        }
        if (fields.contains("managedPolicies")) {
            List<String> wanted = managed(body);
            List<String> found = managed(change.actual().body());
            wanted.stream().filter(arn -> !found.contains(arn)).forEach(arn -> ctx.aws().iam()
                    .attachRolePolicy(r -> r.roleName(name).policyArn(arn)));
            found.stream().filter(arn -> !wanted.contains(arn)).forEach(arn -> ctx.aws().iam()
                    .detachRolePolicy(r -> r.roleName(name).policyArn(arn)));
        }
        if (fields.contains("tags") || fields.contains("marks")) {
            ctx.aws().iam().tagRole(r -> r.roleName(name).tags(IamReads.marked(ctx, body)));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> managed(Map<String, Object> body) {
        return (List<String>) body.getOrDefault("managedPolicies", List.of());
    }
}
