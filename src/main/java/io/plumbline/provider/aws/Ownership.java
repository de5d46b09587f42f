package io.plumbline.provider.aws;

import io.plumbline.model.Action;
import io.plumbline.model.Change;
import io.plumbline.model.ChangeFacts;
import io.plumbline.model.FieldChange;
import io.plumbline.model.Marks;
import io.plumbline.model.Resource;
import io.plumbline.model.ResourceKey;
import io.plumbline.model.spec.aws.AutoScalingGroup;
import io.plumbline.model.spec.aws.AwsSpec;
import io.plumbline.model.spec.aws.SecurityGroup;
import io.plumbline.model.spec.aws.Vpc;
import io.plumbline.render.aws.AwsKinds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Applies the ownership rules to a plan. A declared object found without this environment's marks is shown as
 * {@link Action#ADOPT} and left alone, unless the environment says {@code adopt: true} (or declares its container
 * {@code exclusive}); then the update adds the marks. A member without marks inside a declared container (a rule
 * added by hand, a scheduled action made by someone else) is "not managed here" and kept, unless the container is
 * {@code exclusive} and pruning is on: then it is deleted, and the plan says why. Whatever is tagged
 * {@code kubernetes.io/cluster/<name>=shared} is never deleted, even when it carries the marks.
 */
final class Ownership {
    /** The field an adopting update names: the marks the object is about to carry. */
    static final String MARKS = "marks";
    private final AwsSpec spec;
    private final String environment;
    private final boolean prune;

    Ownership(AwsSpec spec, String environment, boolean prune) {
        this.spec = spec;
        this.environment = environment;
        this.prune = prune;
    }

    Change judge(Change c) {
        String kind = c.key().kind();
        if (c.action() == Action.DELETE && AwsContext.shared(tags(c.actual()))) {
            return Change.orphan(c.actual(), "tagged " + Marks.CLUSTER_TAG_PREFIX + "<name>=" + Marks.SHARED
                    + ": never deleted");
        }
        boolean foreign = c.actual() != null && !c.actual().owned();
        if (foreign && c.desired() != null && kind.equals(AwsKinds.CERTIFICATE)) {
            return Change.adopt(c.desired(), c.actual(), "a certificate for this domain exists without Plumbline's "
                    + "marks; listeners use it, Plumbline neither replaces nor deletes it");
        }
        if (foreign && c.desired() != null && (KindClasses.CREATED.contains(kind) || createdWhenAbsent(c))) {
            return adoptable(c.key()) ? adopting(c) : Change.adopt(c.desired(), c.actual(), "exists without "
                    + "Plumbline's marks; left alone until the environment says adopt: true"
                    + (KindClasses.MEMBERS.contains(kind) ? " or declares its group exclusive" : ""));
        }
        if (foreign && c.action() == Action.ORPHAN && KindClasses.MEMBERS.contains(kind)) {
            String container = c.key().namespace();
            if (exclusive(c.key()) && prune) {
                return new Change(Action.DELETE, c.key(), null, c.actual(), List.of(), "not created by Plumbline; "
                        + "deleted because " + container + " is declared exclusive");
            }
            return Change.orphan(c.actual(), "drift: not managed here (added outside Plumbline); kept"
                    + (exclusive(c.key()) ? " until pruning is on" : " unless " + container
                    + " is declared exclusive")).with(ChangeFacts.NONE.asDrift());
        }
        return c;
    }

    /**
     * A group declared with a launch template, or a nodegroup with a node role, is one Plumbline creates; one found
     * without its marks is someone else's until the environment says adopt.
     */
    private static boolean createdWhenAbsent(Change c) {
        return (c.key().kind().equals(AwsKinds.AUTO_SCALING_GROUP) && c.desired().body().containsKey("launchTemplate"))
                || (c.key().kind().equals(AwsKinds.NODEGROUP) && c.desired().body().containsKey("nodeRole"));
    }

    private Change adopting(Change c) {
        List<FieldChange> fields = new ArrayList<>(c.fields());
        fields.add(new FieldChange(MARKS, Marks.AWS_ENVIRONMENT_TAG + "=" + environment, null));
        return Change.update(c.desired(), c.actual(), fields);
    }

    private boolean adoptable(ResourceKey key) {
        return switch (key.kind()) {
            case AwsKinds.SECURITY_GROUP -> group(key.name()).map(SecurityGroup::adopt).orElse(false);
            case AwsKinds.AUTO_SCALING_GROUP -> spec.autoscaling().groups().stream()
                    .anyMatch(g -> g.name().equals(key.name()) && g.adopt());
            case AwsKinds.SECURITY_GROUP_RULE, AwsKinds.SCHEDULED_ACTION, AwsKinds.SCALING_POLICY -> exclusive(key)
                    || group(key.namespace()).map(SecurityGroup::adopt).orElse(false);
            case AwsKinds.LISTENER -> spec.loadBalancers().stream().filter(lb -> lb.name().equals(key.namespace()))
                    .flatMap(lb -> lb.listeners().stream())
                    .anyMatch(l -> String.valueOf(l.port()).equals(key.name()) && l.adopt());
            case AwsKinds.DNS_RECORD -> spec.dns().stream()
                    .filter(z -> Names.dns(z.zone()).equals(key.namespace())).flatMap(z -> z.records().stream())
                    .anyMatch(r -> (Names.dns(r.name()) + " " + r.type()).equals(key.name()) && r.adopt());
            case AwsKinds.VPC -> vpc(key.name()).map(Vpc::adopt).orElse(false);
            case AwsKinds.SUBNET, AwsKinds.NAT_GATEWAY, AwsKinds.ROUTE_TABLE -> vpc(key.namespace()).map(Vpc::adopt)
                    .orElse(false);
            case AwsKinds.INTERNET_GATEWAY -> vpcs().anyMatch(v -> key.name().equals(v.internetGateway()) && v.adopt());
            case AwsKinds.ELASTIC_IP -> vpcs().anyMatch(v -> v.adopt() && v.natGateways().stream()
                    .anyMatch(n -> n.name().equals(key.name())));
            case AwsKinds.IAM_ROLE -> role(key.name());
            case AwsKinds.IAM_ROLE_POLICY -> role(key.namespace());
            case AwsKinds.IAM_INSTANCE_PROFILE -> spec.iam().instanceProfiles().stream()
                    .anyMatch(p -> p.name().equals(key.name()) && p.adopt());
            default -> false;
        };
    }

    private Stream<Vpc> vpcs() {
        return spec.network() == null ? Stream.empty() : spec.network().vpcs().stream();
    }

    private Optional<Vpc> vpc(String name) {
        return vpcs().filter(v -> v.name().equals(name)).findFirst();
    }

    /** Whether an observed object may be deleted by its marks: it carries them and no {@code shared} cluster tag. */
    static boolean deletable(Resource actual) {
        return actual.owned() && !AwsContext.shared(tags(actual));
    }

    /** The tags an observed object carries, for the kinds that report them. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> tags(Resource actual) {
        Object tags = actual.body().get("tags");
        return tags instanceof Map<?, ?> m ? (Map<String, String>) m : Map.of();
    }

    /** Whether the role of this name is declared with {@code adopt: true}; its inline policies follow it. */
    private boolean role(String name) {
        return spec.iam().roles().stream().anyMatch(r -> r.name().equals(name) && r.adopt());
    }

    /** Whether the container of a member (its security group or Auto Scaling group) is declared exclusive. */
    private boolean exclusive(ResourceKey member) {
        if (member.kind().equals(AwsKinds.SECURITY_GROUP_RULE)) {
            return group(member.namespace()).map(SecurityGroup::exclusive).orElse(false);
        }
        return spec.autoscaling().groups().stream().filter(g -> g.name().equals(member.namespace()))
                .anyMatch(AutoScalingGroup::exclusive);
    }

    private Optional<SecurityGroup> group(String name) {
        return spec.securityGroups().stream().filter(g -> g.name().equals(name)).findFirst();
    }
}
