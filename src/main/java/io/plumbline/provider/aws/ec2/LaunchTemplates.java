package io.plumbline.provider.aws.ec2;

import io.plumbline.model.Change;
import io.plumbline.model.FieldChange;
import io.plumbline.model.Resource;
import io.plumbline.model.ResourceKey;
import io.plumbline.model.spec.aws.LaunchTemplate;
import io.plumbline.provider.aws.AwsContext;
import io.plumbline.provider.aws.AwsKind;
import io.plumbline.provider.aws.AwsMarks;
import io.plumbline.provider.aws.ClientTokens;
import io.plumbline.render.aws.AwsKinds;
import io.plumbline.render.aws.Body;
import io.plumbline.render.aws.ComputeRender;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;
import software.amazon.awssdk.services.ec2.model.RequestLaunchTemplateData;
import software.amazon.awssdk.services.ec2.model.ResponseLaunchTemplateData;

/**
 * Launch templates, read in two calls (the templates, then every default version at once). A change of what
 * instances are launched with creates a new version and makes it the default; older versions are kept, because
 * groups or instances may be pinned to a version number and going back is then a change of the default only.
 * Tags alone are changed in place.
 */
public final class LaunchTemplates implements AwsKind {
    private static final Set<String> TAG_FIELDS = Set.of("tags", "marks");
    private static final String NOT_FOUND = "InvalidLaunchTemplateId.NotFound";

    @Override
    public String kind() {
        return AwsKinds.LAUNCH_TEMPLATE;
    }

    @Override
    public List<Resource> observe(AwsContext ctx, List<Resource> desired) {
        Map<String, Resource> declared = desired.stream().collect(Collectors.toMap(d -> d.key().name(),
                Function.identity()));
        List<software.amazon.awssdk.services.ec2.model.LaunchTemplate> found = ctx.lookup()
                .<List<software.amazon.awssdk.services.ec2.model.LaunchTemplate>>accountWide("launch templates",
                        () -> ctx.aws().ec2().describeLaunchTemplatesPaginator(r -> { }).launchTemplates().stream()
                                .toList()).stream()
                .filter(t -> declared.containsKey(t.launchTemplateName()) || ctx.owned(AwsMarks.ec2(t.tags()))).toList();
        if (found.isEmpty()) {
            return List.of();
        }
        Map<String, ResponseLaunchTemplateData> defaults = ctx.lookup().accountWide("launch template defaults",
                () -> ctx.aws().ec2().describeLaunchTemplateVersionsPaginator(r -> r.versions("$Default"))
                        .launchTemplateVersions().stream().collect(Collectors.toMap(
                                LaunchTemplateVersion::launchTemplateId, LaunchTemplateVersion::launchTemplateData,
                                (a, b) -> a)));
        List<Resource> out = new ArrayList<>();
        for (var t : found) {
            Resource d = declared.get(t.launchTemplateName());
            ResponseLaunchTemplateData data = defaults.get(t.launchTemplateId());
            Map<String, String> tags = AwsMarks.ec2(t.tags());
            @SuppressWarnings("unchecked")
            Map<String, Object> image = d == null ? null : (Map<String, Object>) d.body().get("image");
            Body body = Body.of().put("id", t.launchTemplateId()).put("tags", ComputeRefs.declaredTags(tags));
            if (data != null) {
                body.put("image", data.imageId() == null ? null : ctx.refs().imageAsDeclared(data.imageId(), image))
                        .put("instanceType", data.instanceTypeAsString())
                        .put("instanceProfile", data.iamInstanceProfile() == null ? null
                                : Tags.profileName(data.iamInstanceProfile().name(), data.iamInstanceProfile().arn()))
                        .put("securityGroups", data.securityGroupIds().isEmpty() ? null
                                : ctx.refs().groupNames(data.securityGroupIds()))
                        .put("userData", data.userData() == null ? null : ComputeRender.digest(new String(
                                Base64.getDecoder().decode(data.userData()), StandardCharsets.UTF_8)));
            }
            out.add(new Resource(ResourceKey.of(AwsKinds.PROVIDER, kind(), "", t.launchTemplateName()), body.build(),
                    ctx.owned(tags)));
        }
        return out;
    }

    @Override
    public void apply(AwsContext ctx, Change change) {
        String name = change.key().name();
        switch (change.action()) {
            case CREATE -> create(ctx, change, name);
            case UPDATE -> {
                String id = (String) change.actual().body().get("id");
                ctx.aws().ec2().createTags(r -> r.resources(id).tags(Tags.list(ctx, change.desired())));
                if (!change.fields().stream().map(FieldChange::path).map(p -> p.split("\\.")[0])
                        .allMatch(TAG_FIELDS::contains)) {
                    long version = ctx.aws().ec2().createLaunchTemplateVersion(r -> r.launchTemplateId(id)
                            .launchTemplateData(data(ctx, change))).launchTemplateVersion().versionNumber();
                    ctx.aws().ec2().modifyLaunchTemplate(r -> r.launchTemplateId(id)
                            .defaultVersion(String.valueOf(version)));
                }
            }
            case DELETE -> ctx.aws().ec2().deleteLaunchTemplate(r -> r.launchTemplateId(
                    (String) change.actual().body().get("id")));
            default -> { }
        }
    }

    /**
     * Created with a client token and its marks in the one call: a create sent again (the SDK's retry after a lost
     * answer, a restarted service under the same commit) is answered with the template the first one made. A token
     * whose template was deleted since is answered with that deleted template, so the create asks again with the
     * next generation's token.
     */
    private static void create(AwsContext ctx, Change change, String name) {
        RequestLaunchTemplateData data = data(ctx, change);
        ClientTokens.create(ctx, change, token -> ctx.aws().ec2().createLaunchTemplate(r -> r.launchTemplateName(name)
                .launchTemplateData(data).clientToken(token).tagSpecifications(s -> s.resourceType("launch-template")
                        .tags(Tags.list(ctx, change.desired())))).launchTemplate().launchTemplateId(),
                id -> gone(ctx, id));
    }

    private static boolean gone(AwsContext ctx, String id) {
        try {
            return ctx.aws().ec2().describeLaunchTemplates(r -> r.launchTemplateIds(id)).launchTemplates().isEmpty();
        } catch (Ec2Exception e) {
            if (e.awsErrorDetails() != null && NOT_FOUND.equals(e.awsErrorDetails().errorCode())) {
                return true;
            }
            throw e;
        }
    }

    @SuppressWarnings("unchecked")
    private static RequestLaunchTemplateData data(AwsContext ctx, Change change) {
        Map<String, Object> b = change.desired().body();
        LaunchTemplate declared = ctx.spec().compute().launchTemplates().stream()
                .filter(t -> t.name().equals(change.key().name())).findFirst().orElseThrow();
        RequestLaunchTemplateData.Builder data = RequestLaunchTemplateData.builder()
                .imageId(ctx.refs().imageId((Map<String, Object>) b.get("image")))
                .instanceType((String) b.get("instanceType"));
        if (declared.instanceProfile() != null) {
            data.iamInstanceProfile(p -> p.name(declared.instanceProfile()));
        }
        if (!declared.securityGroups().isEmpty()) {
            data.securityGroupIds(ctx.refs().groupIds(declared.vpc(), declared.securityGroups()));
        }
        if (declared.userData() != null) {
            data.userData(Base64.getEncoder().encodeToString(ctx.file(declared.userData().file())
                    .getBytes(StandardCharsets.UTF_8)));
        }
        return data.build();
    }
}
