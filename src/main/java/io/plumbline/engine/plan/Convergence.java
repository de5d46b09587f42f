package io.plumbline.engine.plan;

import io.plumbline.model.Change;
import io.plumbline.model.FieldChange;
import java.util.ArrayList;
import java.util.List;

/** After an apply a fresh plan must be empty; what it still shows is named here, object by object, field by field. */
public final class Convergence {
    private Convergence() {
    }

    /** One entry per object still different, e.g. {@code haproxy Server backendnodes/aws: port}. */
    public static List<String> differences(List<ProviderPlan> plans) {
        List<String> left = new ArrayList<>();
        for (ProviderPlan plan : plans) {
            for (Change c : plan.changes().changes()) {
                switch (c.action()) {
                    case CREATE -> left.add(c.key() + ": still missing");
                    case DELETE -> left.add(c.key() + ": still present");
                    case UPDATE -> left.add(c.key() + ": " + String.join(", ",
                            c.fields().stream().map(FieldChange::path).toList()));
                    // the provider's note says how to adopt it: "exists without Plumbline's marks (adopt it with ...)"
                    case ADOPT -> {
                        if (c.differs()) {
                            left.add(c.key() + " " + c.note());
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        return left;
    }

    /** {@code not converged: <first>; <second>; ...}: all of them (a commit status shortens it, history keeps it). */
    public static String describe(List<String> differences) {
        return "not converged: " + String.join("; ", differences);
    }
}
