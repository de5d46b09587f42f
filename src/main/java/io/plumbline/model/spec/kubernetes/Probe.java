package io.plumbline.model.spec.kubernetes;

import io.plumbline.model.spec.Lists;
import java.util.List;

/**
 * A probe: exactly one of {@code http} (a path on the application port), {@code tcp} (a port) or
 * {@code exec} (a command).
 */
public record Probe(String http, Integer tcp, List<String> exec, String initialDelay, String period,
                   String timeout, Integer failureThreshold) {
    public Probe {
        exec = Lists.of(exec);
    }
}
