package io.plumbline.engine.plan;

import io.plumbline.model.Action;
import io.plumbline.model.Change;
import io.plumbline.model.ChangeFacts;
import io.plumbline.model.FieldChange;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Which planned changes a reviewer must not miss: deletions, rule removals, certificate swaps and capacity
 * reductions. What is a rule, a certificate or a capacity the provider says, in the facts it sets on each change.
 */
public final class Destructive {
    private Destructive() {
    }

    /** One line per destructive change, e.g. {@code deletes aws SecurityGroupRule k8s-master/tcp:22}. */
    public static List<String> flags(List<Change> changes) {
        List<String> flags = new ArrayList<>();
        for (Change c : changes) {
            ChangeFacts facts = c.facts();
            if (c.action() == Action.DELETE) {
                flags.add((facts.rule() ? "removes rule " : "deletes ") + c.key());
            } else if (c.action() == Action.UPDATE) {
                for (FieldChange f : c.fields()) {
                    String capacity = facts.capacities().get(f.path());
                    if (facts.certificates().contains(f.path())) {
                        flags.add("swaps the certificate of " + c.key());
                    } else if (capacity != null && lower(f.wanted(), f.found())) {
                        flags.add("reduces " + capacity + " of " + c.key() + " from " + f.found() + " to " + f.wanted());
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
