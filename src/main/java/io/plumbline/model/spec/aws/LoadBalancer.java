package io.plumbline.model.spec.aws;

import io.plumbline.model.spec.Lists;
import java.util.List;

/** An existing ALB or NLB, found by name, whose listeners Plumbline manages. */
public record LoadBalancer(String name, List<Listener> listeners) {
    public LoadBalancer {
        listeners = Lists.of(listeners);
    }
}
