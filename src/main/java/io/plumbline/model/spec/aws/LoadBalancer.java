package io.plumbline.model.spec.aws;

import java.util.List;

/** An existing ALB or NLB, found by name, whose listeners Plumbline manages. */
public record LoadBalancer(String name, List<Listener> listeners) {
    public LoadBalancer {
        listeners = listeners == null ? List.of() : List.copyOf(listeners);
    }
}
