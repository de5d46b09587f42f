package io.plumbline.provider.aws.ec2;

import io.plumbline.model.Change;
import io.plumbline.model.Marks;
import io.plumbline.model.Resource;
import io.plumbline.model.ResourceKey;
import io.plumbline.model.spec.aws.Instance;
import io.plumbline.provider.ProviderException;
import io.plumbline.provider.aws.AwsContext;
import io.plumbline.provider.aws.AwsKind;
import io.plumbline.provider.aws.AwsMarks;
import io.plumbline.provider.aws.ClientTokens;
import io.plumbline.provider.aws.Lookup;
import io.plumbline.provider.aws.Waits;
import io.plumbline.render.aws.AwsKinds;
import io.plumbline.render.aws.Body;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;

/**
 * EC2 instances, known by their {@code Name} tag. Read with one DescribeInstances of every live instance carrying the
 * environment tag, shared by the environments of the account ({@link EnvironmentTag}), of which this environment
 * keeps its own, and one more by name only while a declared instance is not among them. Security groups and tags change in place;
 * what needs a stop or a new instance is judged by {@link InstanceChanges}. Every wait is bounded.
 */
public final class Instances implements AwsKind {
    /** Remembers which template an instance was launched from: AWS keeps no name for it that moto also gives. */
    static final String TEMPLATE_TAG = "plumbline:launch-template";
    private static final List<String> LIVE = List.of("pending", "running", "stopping", "stopped");
    /** The name of the shared read of every live instance carrying the environment tag, of any environment. */
    private static final String TAGGED = "instances " + LIVE + " tagged " + Marks.AWS_ENVIRONMENT_TAG
            + " (any environment)";

    @Override
    public String kind() {
        return AwsKinds.INSTANCE;
    }

    /** An instance is billed while it runs, and its volumes while it exists, whether it serves anything or not. */
    @Override
    public boolean costsWhileIdle() {
        return true;
    }

    @Override
    public List<Resource> observe(AwsContext ctx, List<Resource> desired) {
        Map<String, Resource> declared = desired.stream().collect(Collectors.toMap(d -> d.key().name(),
                Function.identity()));
        List<software.amazon.awssdk.services.ec2.model.Instance> found = new ArrayList<>(ctx.lookup()
                .<List<software.amazon.awssdk.services.ec2.model.Instance>>accountWide(TAGGED,
                        () -> read(ctx, EnvironmentTag.ANY_ENVIRONMENT)).stream()
                .filter(i -> ctx.marked(AwsMarks.ec2(i.tags()))).toList());
        Set<String> seen = found.stream().map(i -> Lookup.nameTag(i.tags())).collect(Collectors.toSet());
        List<String> missing = declared.keySet().stream().filter(n -> !seen.contains(n)).sorted().toList();
        if (!missing.isEmpty()) {
            read(ctx, Lookup.filter("tag:Name", missing)).stream()
                    .filter(i -> !found.contains(i)).forEach(found::add);
        }
        return found.stream().filter(i -> declared.containsKey(Lookup.nameTag(i.tags())) || ctx.owned(AwsMarks.ec2(i.tags())))
                .map(i -> resource(ctx, i, declared.get(Lookup.nameTag(i.tags())))).toList();
    }

    private static List<software.amazon.awssdk.services.ec2.model.Instance> read(AwsContext ctx, Filter filter) {
        return ctx.aws().ec2().describeInstancesPaginator(r -> r.filters(filter,
                Lookup.filter("instance-state-name", LIVE))).reservations().stream()
                .flatMap(r -> r.instances().stream()).toList();
    }

    @SuppressWarnings("unchecked")
    private Resource resource(AwsContext ctx, software.amazon.awssdk.services.ec2.model.Instance i, Resource d) {
        Map<String, String> tags = AwsMarks.ec2(i.tags());
        Map<String, Object> image = d == null ? null : (Map<String, Object>) d.body().get("image");
        Map<String, Object> body = Body.of().put("id", i.instanceId()).put("launchTemplate", tags.get(TEMPLATE_TAG))
                .put("image", ctx.refs().imageAsDeclared(i.imageId(), image))
                .put("instanceType", i.instanceTypeAsString()).put("subnet", ctx.refs().subnetName(i.subnetId()))
                .put("securityGroups", ctx.refs().groupNames(i.securityGroups().stream().map(GroupIdentifier::groupId)
                        .toList()))
                .put("privateIp", i.privateIpAddress())
                .put("instanceProfile", i.iamInstanceProfile() == null ? null
                        : Tags.profileName(null, i.iamInstanceProfile().arn()))
                .put("tags", ComputeRefs.declaredTags(tags)).build();
        return new Resource(ResourceKey.of(AwsKinds.PROVIDER, kind(), "", Lookup.nameTag(i.tags())), body,
                ctx.owned(tags));
    }

    @Override
    public void apply(AwsContext ctx, Change change) {
        switch (change.action()) {
            case CREATE -> launch(ctx, change);
            case UPDATE -> update(ctx, change);
            case DELETE -> terminate(ctx, id(change));
            default -> { }
        }
    }

    private void update(AwsContext ctx, Change change) {
        String refusal = InstanceChanges.refusal(ctx.spec(), change);
        if (refusal != null) {
            throw ProviderException.refused("aws: instance " + change.key().name() + ": " + refusal);
        }
        String id = id(change);
        if (InstanceChanges.replaces(change)) {
            terminate(ctx, id);
            launch(ctx, change);
            return;
        }
        Instance declared = InstanceChanges.declared(ctx.spec(), change.key().name());
        if (InstanceChanges.retypes(change)) {
            ctx.aws().ec2().stopInstances(r -> r.instanceIds(id));
            waitFor(ctx, id, InstanceStateName.STOPPED);
            ctx.aws().ec2().modifyInstanceAttribute(r -> r.instanceId(id).instanceType(t -> t
                    .value(declared.instanceType())));
            ctx.aws().ec2().startInstances(r -> r.instanceIds(id));
            waitFor(ctx, id, InstanceStateName.RUNNING);
        }
        if (InstanceChanges.fields(change).contains("securityGroups")) {
            ctx.aws().ec2().modifyInstanceAttribute(r -> r.instanceId(id)
                    .groups(ctx.refs().groupIds(declared.vpc(), declared.securityGroups())));
        }
        ctx.aws().ec2().createTags(r -> r.resources(id).tags(Tags.list(ctx, change.desired(), names(declared))));
    }

    private void launch(AwsContext ctx, Change change) {
        Instance i = InstanceChanges.declared(ctx.spec(), change.key().name());
        RunInstancesRequest.Builder run = RunInstancesRequest.builder().minCount(1).maxCount(1)
                .instanceType(i.instanceType()).subnetId(ctx.refs().subnetId(i.vpc(), i.subnet()))
                .privateIpAddress(i.privateIp())
                .tagSpecifications(s -> s.resourceType("instance").tags(Tags.list(ctx, change.desired(), names(i))));
        if (i.launchTemplate() != null) {
            run.launchTemplate(t -> t.launchTemplateName(i.launchTemplate()).version("$Default"));
        }
        if (i.image() != null) {
            @SuppressWarnings("unchecked")
            Map<String, Object> image = (Map<String, Object>) change.desired().body().get("image");
            run.imageId(ctx.refs().imageId(image));
        }
        if (!i.securityGroups().isEmpty()) {
            run.securityGroupIds(ctx.refs().groupIds(i.vpc(), i.securityGroups()));
        }
        if (i.instanceProfile() != null) {
            run.iamInstanceProfile(p -> p.name(i.instanceProfile()));
        }
        String id = ClientTokens.create(ctx, change,
                token -> ctx.aws().ec2().runInstances(run.clientToken(token).build()).instances().get(0),
                made -> made.state() != null && (made.state().name() == InstanceStateName.TERMINATED
                        || made.state().name() == InstanceStateName.SHUTTING_DOWN)).instanceId();
        waitFor(ctx, id, InstanceStateName.RUNNING);
    }

    private static void terminate(AwsContext ctx, String id) {
        ctx.aws().ec2().terminateInstances(r -> r.instanceIds(id));
        waitFor(ctx, id, InstanceStateName.TERMINATED);
    }

    private static void waitFor(AwsContext ctx, String id, InstanceStateName state) {
        Waits.until(ctx, "instance " + id + " to be " + state, () -> ctx.aws().ec2()
                .describeInstances(r -> r.instanceIds(id)).reservations().stream()
                .flatMap(r -> r.instances().stream()).allMatch(i -> i.state().name() == state));
    }

    /** The tags an instance carries beyond the declared ones: its name and the template it came from. */
    private static Map<String, String> names(Instance i) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("Name", i.name());
        if (i.launchTemplate() != null) {
            tags.put(TEMPLATE_TAG, i.launchTemplate());
        }
        return tags;
    }

    private static String id(Change change) {
        return (String) change.actual().body().get("id");
    }
}
