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
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.iam.model.InstanceProfile;
import software.amazon.awssdk.services.iam.model.Role;

/**
 * Instance profiles, each holding one role. Created with their tags and the marks, then given their role; a
 * profile holding another role has it swapped. A profile with the marks that is no longer declared is deleted when
 * pruning is on: its role is removed from it first, as IAM requires. Only profiles that are declared, hold no role
 * or hold one of this environment's roles can be ours, so only their tags are read when IAM's listing leaves them
 * out.
 */
public final class IamInstanceProfiles implements AwsKind {

    @Override
    public String kind() {
        return AwsKinds.IAM_INSTANCE_PROFILE;
    }

    @Override
    public List<Resource> observe(AwsContext ctx, List<Resource> desired) {
        if (!IamReads.needed(ctx)) {
            return List.of();
        }
        Set<String> declared = desired.stream().map(r -> r.key().name()).collect(Collectors.toSet());
        Set<String> ownedRoles = IamReads.roles(ctx).stream().filter(r -> ctx.owned(AwsMarks.iam(r.tags())))
                .map(r -> r.roleName()).collect(Collectors.toSet());
        List<Resource> out = new ArrayList<>();
        for (InstanceProfile p : IamReads.instanceProfiles(ctx)) {
            List<String> roles = p.roles().stream().map(Role::roleName).toList();
            boolean candidate = declared.contains(p.instanceProfileName()) || roles.isEmpty()
                    || roles.stream().anyMatch(ownedRoles::contains);
            if (!candidate) {
                continue;
            }
            var tags = IamReads.tags(p, ctx);
            boolean owned = ctx.owned(tags);
            if (declared.contains(p.instanceProfileName()) || owned) {
                out.add(new Resource(ResourceKey.of(AwsKinds.PROVIDER, kind(), "", p.instanceProfileName()),
                        Body.of().put("role", roles.isEmpty() ? null : roles.get(0)).put("tags", tags).build(),
                        owned));
            }
        }
        return out;
    }

    @Override
    public void apply(AwsContext ctx, Change change) {
        String name = change.key().name();
        switch (change.action()) {
            case CREATE -> {
                ctx.aws().iam().createInstanceProfile(r -> r.instanceProfileName(name)
                        .tags(IamReads.marked(ctx, change.desired().body())));
                addRole(ctx, name, change);
            }
            case UPDATE -> update(ctx, name, change);
            case DELETE -> {
                removeRole(ctx, name, change);
                ctx.aws().iam().deleteInstanceProfile(r -> r.instanceProfileName(name));
            }
            default -> { }
        }
    }

    private static void update(AwsContext ctx, String name, Change change) {
        Set<String> fields = change.topFields();
        if (fields.contains("role")) {
            removeRole(ctx, name, change);
            addRole(ctx, name, change);
        }
        if (fields.contains("tags") || fields.contains("marks")) {
            ctx.aws().iam().tagInstanceProfile(r -> r.instanceProfileName(name)
                    .tags(IamReads.marked(ctx, change.desired().body())));
        }
    }

    private static void addRole(AwsContext ctx, String name, Change change) {
        String role = (String) change.desired().body().get("role");
        ctx.aws().iam().addRoleToInstanceProfile(r -> r.instanceProfileName(name).roleName(role));
    }

    private static void removeRole(AwsContext ctx, String name, Change change) {
        String role = (String) change.actual().body().get("role");
        if (role != null) {
            ctx.aws().iam().removeRoleFromInstanceProfile(r -> r.instanceProfileName(name).roleName(role));
        }
    }
}
