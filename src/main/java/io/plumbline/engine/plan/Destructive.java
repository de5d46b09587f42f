package io.plumbline.engine.plan;

import io.plumbline.model.Action;
import io.plumbline.model.Change;
import io.plumbline.model.FieldChange;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which planned changes a reviewer must not miss: deletions, security-group rule removals, certificate swaps and
 * capacity reductions.
 */
public final class Destructive {
    private static final Set<String> CAPACITY = Set.of("min", "max", "desired", "replicas", "minReplicas",
            "maxReplicas", "minSize", "maxSize", "desiredCapacity", "desiredSize");

    private Destructive() {
    }

    /** One line per destructive change, e.g. {@code deletes aws SecurityGroupRule k8s-master/tcp:22}. */
    public static List<String> flags(List<Change> changes) {
        List<String> flags = new ArrayList<>();
        for (Change c : changes) {
            if (c.action() == Action.DELETE) {
                flags.add((c.key().kind().contains("Rule") ? "removes rule " : "deletes ") + c.key());
            } else if (c.action() == Action.UPDATE) {
                for (FieldChange f : c.fields()) {
                    String leaf = f.path().replaceAll(".*[.\\]]", "").replaceAll("\\[.*", "");
                    if (f.path().toLowerCase().contains("certificate")) {
                        flags.add("swaps the certificate of " + c.key());
                    } else if (CAPACITY.contains(leaf) && lower(f.wanted(), f.found())) {
                        flags.add("reduces " + leaf + " of " + c.key() + " from " + f.found() + " to " + f.wanted());
                    }
                }
            }
        }
        return flags;
    }

    private static boolean lower(Object wanted, Object found) {
        try {
            return new BigDecimal(String.valueOf(wanted)).compareTo(new BigDecimal(String.valueOf(found))) < 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
