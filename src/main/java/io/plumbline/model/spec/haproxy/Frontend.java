package io.plumbline.model.spec.haproxy;

import io.plumbline.model.spec.Lists;
import java.util.List;

/** @param bind an address and port such as {@code *:80} or {@code 127.0.0.1:8080} */
public record Frontend(String name, String bind, String defaultBackend, List<Route> routes) {
    public Frontend {
        routes = Lists.of(routes);
    }
}
