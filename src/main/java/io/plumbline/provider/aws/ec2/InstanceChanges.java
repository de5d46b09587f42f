package io.plumbline.provider.aws.ec2;

import io.plumbline.model.Action;
import io.plumbline.model.Change;
import io.plumbline.model.FieldChange;
import io.plumbline.model.spec.aws.AwsSpec;
import io.plumbline.model.spec.aws.Instance;
import io.plumbline.render.aws.AwsKinds;
import java.util.List;
import java.util.Set;

/**
 * Which changes to an instance AWS can make in place (security groups, tags) and which take it down: the image,
 * subnet, private address, launch template and instance profile only by terminating it and launching a new one,
 * the instance type only by stopping and starting it. Both need {@code replace: true}; without it the plan says
 * the change is refused and apply refuses it, so an instance is never lost to an edit that did not mean it.
 */
public final class InstanceChanges {
    static final Set<String> REPLACING = Set.of("image", "subnet", "privateIp", "launchTemplate", "instanceProfile");
    static final String TYPE = "instanceType";

    private InstanceChanges() {
    }

    /** The change with a note saying why it is refused, or as it was. */
    public static Change judge(AwsSpec spec, Change c) {
        String refusal = refusal(spec, c);
        return refusal == null ? c : new Change(c.action(), c.key(), c.desired(), c.actual(), c.fields(), refusal,
                c.idleCost(), c.facts());
    }

    /** Why this change may not be applied, or null when it may. */
    static String refusal(AwsSpec spec, Change c) {
        if (!c.key().kind().equals(AwsKinds.INSTANCE) || c.action() != Action.UPDATE) {
            return null;
        }
        List<String> disruptive = fields(c).stream().filter(f -> REPLACING.contains(f) || f.equals(TYPE)).toList();
        if (disruptive.isEmpty() || declared(spec, c.key().name()).replace()) {
            return null;
        }
        return "refused: changing " + String.join(", ", disruptive) + " "
                + (disruptive.equals(List.of(TYPE)) ? "stops and starts" : "terminates and recreates")
                + " the instance; say replace: true to allow it";
    }

    /** Whether the change needs a new instance (not only a stop and start). */
    static boolean replaces(Change c) {
        return fields(c).stream().anyMatch(REPLACING::contains);
    }

    static boolean retypes(Change c) {
        return fields(c).contains(TYPE);
    }

    /** The top-level fields that differ ({@code image.name} is {@code image}). */
    static List<String> fields(Change c) {
        return c.fields().stream().map(FieldChange::path).map(p -> p.split("[.\\[]")[0]).distinct().toList();
    }

    static Instance declared(AwsSpec spec, String name) {
        return spec.compute().instances().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }
}
