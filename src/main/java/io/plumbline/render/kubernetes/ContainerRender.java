package io.plumbline.render.kubernetes;

import io.plumbline.model.spec.Durations;
import io.plumbline.model.spec.kubernetes.Application;
import io.plumbline.model.spec.kubernetes.Probe;
import io.plumbline.model.spec.kubernetes.Quantities;
import io.plumbline.model.spec.kubernetes.Resources;
import io.plumbline.model.spec.kubernetes.Sidecar;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The containers of an application's pod: its main container, then its sidecars. */
final class ContainerRender {
    private ContainerRender() {
    }

    static List<Object> containers(Application app) {
        Map<String, Object> main = Nodes.map(
                "name", app.container(),
                "image", app.image(),
                "imagePullPolicy", app.pullPolicy(),
                "ports", ports(app.port()),
                "env", env(app),
                "resources", resources(app.resources()),
                "readinessProbe", app.probes() == null ? null : probe(app.probes().readiness(), app.port()),
                "livenessProbe", app.probes() == null ? null : probe(app.probes().liveness(), app.port()));
        return Stream.concat(Stream.of(main), app.sidecars().stream().map(s -> sidecar(s, app.pullPolicy())))
                .map(c -> (Object) c).toList();
    }

    private static Map<String, Object> sidecar(Sidecar s, String pullPolicy) {
        return Nodes.map("name", s.name(), "image", s.image(), "imagePullPolicy", pullPolicy,
                "ports", ports(s.port()), "env", env(s.env()), "resources", resources(s.resources()));
    }

    private static List<Object> ports(Integer port) {
        return port == null ? null : List.of(Nodes.map("containerPort", port));
    }

    /**
     * Sorted by name, so the rendered list does not depend on the order a map was read in. A secret variable reads
     * its value from the application's Secret: no value is ever in the Deployment.
     */
    private static List<Object> env(Application app) {
        return new TreeMap<>(app.env()).entrySet().stream()
                .map(e -> (Object) (e.getValue().isSecret() ? SecretEnvRender.reference(app, e.getKey())
                        : Nodes.map("name", e.getKey(), "value", e.getValue().value()))).toList();
    }

    private static List<Object> env(Map<String, String> env) {
        return new TreeMap<>(env).entrySet().stream()
                .map(e -> (Object) Nodes.map("name", e.getKey(), "value", e.getValue())).toList();
    }

    private static Map<String, Object> resources(Resources r) {
        return r == null ? null : Nodes.map("requests", quantities(r.requests()), "limits", quantities(r.limits()));
    }

    private static Map<String, Object> quantities(Quantities q) {
        return q == null ? null : Nodes.map("cpu", q.cpu(), "memory", q.memory());
    }

    private static Map<String, Object> probe(Probe p, Integer appPort) {
        if (p == null) {
            return null;
        }
        return Nodes.map(
                "httpGet", p.http() == null ? null : Nodes.map("path", p.http(), "port", appPort),
                "tcpSocket", p.tcp() == null ? null : Nodes.map("port", p.tcp()),
                "exec", p.exec().isEmpty() ? null : Nodes.map("command", p.exec()),
                "initialDelaySeconds", seconds(p.initialDelay()),
                "periodSeconds", seconds(p.period()),
                "timeoutSeconds", seconds(p.timeout()),
                "failureThreshold", p.failureThreshold());
    }

    private static Integer seconds(String duration) {
        return duration == null ? null : Math.toIntExact(Durations.parse(duration).toSeconds());
    }
}
