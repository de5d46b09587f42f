package io.plumbline.provider.aws;

import io.plumbline.model.Action;
import io.plumbline.model.Change;
import io.plumbline.model.FieldChange;
import io.plumbline.model.Marks;
import io.plumbline.model.ResourceKey;
import io.plumbline.model.spec.aws.AutoScalingGroup;
import io.plumbline.model.spec.aws.AwsSpec;
import io.plumbline.model.spec.aws.SecurityGroup;
import io.plumbline.render.aws.AwsKinds;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies the ownership rules to a plan. A declared object found without this environment's marks is shown as
 * {@link Action#ADOPT} and left alone, unless the environment says {@code adopt: true} (or declares its container
 * {@code exclusive}); then the update adds the marks. A member without marks inside a declared container (a rule
 * added by hand, a scheduled action made by someone else) is "not managed here" and kept, unless the container is
 * {@code exclusive} and pruning is on: then it is deleted, and the plan says why.
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
        boolean foreign = c.actual() != null && !c.actual().owned();
        if (foreign && c.desired() != null && kind.equals(AwsKinds.CERTIFICATE)) {
            return Change.adopt(c.desired(), c.actual(), "a certificate for this domain exists without Plumbline's "
                    + "marks; listeners use it, Plumbline neither replaces nor deletes it");
        }
        if (foreign && c.desired() != null && (AwsKinds.CREATED.contains(kind) || createdWhenAbsent(c))) {
            return adoptable(c.key()) ? adopting(c) : Change.adopt(c.desired(), c.actual(), "exists without "
                    + "Plumbline's marks; left alone until the environment says adopt: true"
                    + (AwsKinds.MEMBERS.contains(kind) ? " or declares its group exclusive" : ""));
        }
        if (foreign && c.action() == Action.ORPHAN && AwsKinds.MEMBERS.contains(kind)) {
            String container = c.key().namespace();
            if (exclusive(c.key()) && prune) {
                return new Change(Action.DELETE, c.key(), null, c.actual(), List.of(), "not created by Plumbline; "
                        + "deleted because " + container + " is declared exclusive");
            }
            return Change.orphan(c.actual(), "drift: not managed here (added outside Plumbline); kept"
                    + (exclusive(c.key()) ? " until pruning is on" : " unless " + container
                    + " is declared exclusive"));
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
            default -> false;
        };
    }

    /** Whether the container of a member (its security group or Auto Scaling group) is declared exclusive. */
    private boolean exclusive(ResourceKey member) {
        if (member.kind().equals(AwsKinds.SECURITY_GROUP_RULE)) {
            return group(member.namespace()).map(SecurityGroup::exclusive).orElse(false);
        }
        return spec.autoscaling().groups().stream().filter(g -> g.name().equals(member.namespace()))
                .anyMatch(AutoScalingGroup::exclusive);
    }

    private java.util.Optional<SecurityGroup> group(String name) {
        return spec.securityGroups().stream().filter(g -> g.name().equals(name)).findFirst();
    }
}
