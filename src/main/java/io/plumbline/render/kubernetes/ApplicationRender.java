package io.plumbline.render.kubernetes;

import io.plumbline.model.SecretValues;
import io.plumbline.model.spec.kubernetes.Application;
import io.plumbline.model.spec.kubernetes.Expose;
import io.plumbline.model.spec.kubernetes.Ingress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One application as Kubernetes objects: a Deployment, and as declared a Service, an Ingress and a
 * HorizontalPodAutoscaler. Bodies come out unmarked; {@link KubernetesRenderer} marks them.
 */
final class ApplicationRender {
    private final Application app;
    private final String namespace;
    private final String environment;
    private final SecretEnvRender secrets;

    ApplicationRender(Application app, String namespace, String environment, SecretValues secrets) {
        this.app = app;
        this.namespace = namespace;
        this.environment = environment;
        this.secrets = new SecretEnvRender(app, secrets);
    }

    List<Map<String, Object>> bodies() {
        List<Map<String, Object>> out = new ArrayList<>();
        if (secrets.any()) {
            out.add(secrets.secret(metadata(SecretEnvRender.secretName(app))));
        }
        out.add(deployment());
        Expose expose = expose();
        if (expose != null) {
            out.add(service(expose));
        }
        if (app.ingress() != null && app.ingress().host() != null) {
            out.add(ingress(app.ingress(), expose));
        }
        if (app.autoscale() != null) {
            out.add(autoscaler());
        }
        return out;
    }

    private Map<String, Object> metadata(String name) {
        Map<String, Object> metadata = Nodes.map("name", name, "namespace", namespace,
                "labels", Nodes.map(Marking.NAME_LABEL, app.name()));
        if (app.adopt()) {
            metadata.put("annotations", Nodes.map(Marking.ADOPT_ANNOTATION, "true"));
        }
        return metadata;
    }

    private Map<String, Object> deployment() {
        Map<String, Object> selector = Nodes.map(Marking.NAME_LABEL, app.name());
        Map<String, Object> podLabels = Nodes.map(Marking.NAME_LABEL, app.name(), Marking.PART_OF_LABEL, environment);
        Map<String, Object> rolling = app.rollout() == null ? null : Nodes.map(
                "maxSurge", Nodes.intOrString(app.rollout().maxSurge()),
                "maxUnavailable", Nodes.intOrString(app.rollout().maxUnavailable()));
        return Nodes.map(
                "apiVersion", "apps/v1",
                "kind", "Deployment",
                "metadata", metadata(app.name()),
                "spec", Nodes.map(
                        "replicas", app.replicas(),
                        "selector", Nodes.map("matchLabels", selector),
                        "strategy", Nodes.map("type", "RollingUpdate", "rollingUpdate", rolling),
                        "template", Nodes.map(
                                "metadata", Nodes.map("labels", podLabels, "annotations", !secrets.any() ? null
                                        : Nodes.map(SecretEnvRender.CHECKSUM, secrets.checksum())),
                                "spec", Nodes.map("containers", ContainerRender.containers(app)))));
    }

    /** The declared Service; an Ingress without one still needs a Service, on the application port. */
    private Expose expose() {
        if (app.expose() != null) {
            return app.expose();
        }
        boolean ingress = app.ingress() != null && app.ingress().host() != null;
        return ingress ? new Expose("ClusterIP", null, app.port(), null) : null;
    }

    private static String serviceName(Application app, Expose expose) {
        return expose.serviceName() == null ? app.name() : expose.serviceName();
    }

    private Map<String, Object> service(Expose expose) {
        Map<String, Object> port = Nodes.map("name", "http", "port", expose.port(), "targetPort", app.port(),
                "nodePort", expose.nodePort());
        return Nodes.map(
                "apiVersion", "v1",
                "kind", "Service",
                "metadata", metadata(serviceName(app, expose)),
                "spec", Nodes.map(
                        "type", expose.type(),
                        "selector", Nodes.map(Marking.NAME_LABEL, app.name()),
                        "ports", List.of(port)));
    }

    private Map<String, Object> ingress(Ingress ingress, Expose expose) {
        Map<String, Object> backend = Nodes.map("service", Nodes.map(
                "name", serviceName(app, expose), "port", Nodes.map("number", expose.port())));
        Map<String, Object> path = Nodes.map("path", ingress.path(), "pathType", "Prefix", "backend", backend);
        Map<String, Object> rule = Nodes.map("host", ingress.host(), "http", Nodes.map("paths", List.of(path)));
        List<Object> tls = ingress.tlsSecret() == null ? null
                : List.of(Nodes.map("hosts", List.of(ingress.host()), "secretName", ingress.tlsSecret()));
        return Nodes.map(
                "apiVersion", "networking.k8s.io/v1",
                "kind", "Ingress",
                "metadata", metadata(app.name()),
                "spec", Nodes.map("ingressClassName", ingress.className(), "tls", tls, "rules", List.of(rule)));
    }

    private Map<String, Object> autoscaler() {
        Map<String, Object> cpu = Nodes.map("type", "Resource", "resource", Nodes.map("name", "cpu",
                "target", Nodes.map("type", "Utilization", "averageUtilization", app.autoscale().cpuPercent())));
        return Nodes.map(
                "apiVersion", "autoscaling/v2",
                "kind", "HorizontalPodAutoscaler",
                "metadata", metadata(app.name()),
                "spec", Nodes.map(
                        "scaleTargetRef", Nodes.map("apiVersion", "apps/v1", "kind", "Deployment", "name", app.name()),
                        "minReplicas", app.autoscale().min(),
                        "maxReplicas", app.autoscale().max(),
                        "metrics", List.of(cpu)));
    }
}
