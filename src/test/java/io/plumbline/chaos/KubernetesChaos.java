package io.plumbline.chaos;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.plumbline.testing.ControlPlane;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An environment of typed applications and raw manifests on the real control plane (kwok plays the node, so
 * pods start and become ready). The commits cycle through: two applications and a manifest folder; a third
 * application and a second manifest more; everything removed (the environment keeps an empty {@code kubernetes}
 * section, with the trailer); all back again. A namespace made by hand, with a ConfigMap and a Deployment, is the
 * foreign object; its objects must keep their resource versions.
 */
final class KubernetesChaos implements ChaosTarget {
    private static final String ENV = "apps";
    private static final String NAMESPACE = "chaos-apps";
    private static final String FOREIGN = "chaos-foreign";
    private static final String FILE = "environments/apps.yaml";
    private static final String MANAGED = "app.kubernetes.io/managed-by";

    private ControlPlane plane;
    private KubernetesClient client;
    private Map<String, String> foreign;

    @Override
    public String name() {
        return "kubernetes";
    }

    @Override
    public List<String> environments() {
        return List.of(ENV);
    }

    @Override
    public void start() {
        plane = ControlPlane.shared();
        client = plane.client();
        plane.deleteNamespacesOf(ENV);
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(FOREIGN).endMetadata()
                .build()).serverSideApply();
        client.configMaps().inNamespace(FOREIGN).resource(new ConfigMapBuilder().withNewMetadata()
                .withName("operator-notes").endMetadata().addToData("owner", "the operator").build()).create();
        client.apps().deployments().inNamespace(FOREIGN).resource(new DeploymentBuilder().withNewMetadata()
                .withName("by-hand").endMetadata().withNewSpec().withReplicas(1).withNewSelector()
                .addToMatchLabels("app", "by-hand").endSelector().withNewTemplate().withNewMetadata()
                .addToLabels("app", "by-hand").endMetadata().withNewSpec().addNewContainer().withName("app")
                .withImage("nginx:1.27").endContainer().endSpec().endTemplate().endSpec().build()).create();
        foreign = foreign();
    }

    @Override
    public String serviceSettings() {
        return "  kubernetes: {kubeconfig: \"" + plane.kubeconfig() + "\"}\n";
    }

    @Override
    public List<String> planOptions() {
        return List.of("--kubeconfig", plane.kubeconfig().toString());
    }

    @Override
    public int killWindowMillis() {
        return 8_000;
    }

    @Override
    public Step step(int n) {
        int kind = n == 0 ? -1 : (n - 1) % 3;
        Map<String, String> files = new LinkedHashMap<>();
        files.put("manifests/apps/config.yaml", configMap("chaos-config", "v1"));
        return switch (kind) {
            case 0 -> {
                files.put(FILE, environment(List.of("web", "api", "worker")));
                files.put("manifests/apps/extra.yaml", configMap("chaos-extra", "v1"));
                yield new Step("add", files, "A third application and a manifest more", false);
            }
            case 1 -> {
                files.put(FILE, environment(List.of()));
                files.put("manifests/apps/extra.yaml", null);
                yield new Step("decommission", files, "Take the applications down\n\nPlumbline-Allow-Deletes: 1000",
                        true);
            }
            default -> {
                files.put(FILE, environment(List.of("web", "api")));
                files.put("manifests/apps/extra.yaml", null);
                yield new Step(n == 0 ? "create" : "create again", files, "Two applications and a manifest"
                        + "\n\nPlumbline-Allow-Deletes: 1000", false);
            }
        };
    }

    private static String environment(List<String> apps) {
        if (apps.isEmpty()) {
            return "apiVersion: plumbline/v1\nkind: Environment\nmetadata: {name: " + ENV + "}\nspec:\n"
                    + "  sync: {mode: auto, prune: true}\n  kubernetes: {namespaces: []}\n";
        }
        StringBuilder text = new StringBuilder("""
                apiVersion: plumbline/v1
                kind: Environment
                metadata: {name: %s}
                spec:
                  sync: {mode: auto, prune: true, healthTimeout: 2m}
                  kubernetes:
                    namespaces: [%s]
                    applications:
                """.formatted(ENV, NAMESPACE));
        for (String app : apps) {
            text.append("""
                          - name: %s
                            namespace: %s
                            container: %s
                            image: nginx:1.27
                            replicas: 2
                            port: 8080
                            expose: {type: ClusterIP, serviceName: %s, port: 80}
                    """.formatted(app, NAMESPACE, app, app));
        }
        return text.append("    manifests: [manifests/apps]\n").toString();
    }

    private static String configMap(String name, String value) {
        return """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: %s, namespace: %s}
                data: {version: %s}
                """.formatted(name, NAMESPACE, value);
    }

    /** Objects in the environment's namespace without its marks (a create that lost them); names are unique. */
    @Override
    public List<String> duplicates() {
        return namespaced(NAMESPACE).filter(o -> o.getMetadata().getOwnerReferences().isEmpty())
                .filter(o -> !"kube-root-ca.crt".equals(o.getMetadata().getName()))
                .filter(o -> !marked(o.getMetadata())).map(KubernetesChaos::describe).toList();
    }

    @Override
    public List<String> leftAfterDecommission() {
        List<String> left = new ArrayList<>(namespaced(NAMESPACE).filter(o -> marked(o.getMetadata()))
                .map(KubernetesChaos::describe).toList());
        client.namespaces().list().getItems().stream().filter(ns -> marked(ns.getMetadata())
                && ns.getMetadata().getDeletionTimestamp() == null).forEach(ns -> left.add("Namespace "
                + ns.getMetadata().getName()));
        return left;
    }

    @Override
    public List<String> foreignTouched() {
        Map<String, String> now = foreign();
        List<String> touched = new ArrayList<>();
        foreign.forEach((object, version) -> {
            if (!version.equals(now.get(object))) {
                touched.add(object + ": resourceVersion " + version + ", now " + now.get(object));
            }
        });
        return touched;
    }

    /** The foreign namespace and the objects made in it by hand, with their resource versions. */
    private Map<String, String> foreign() {
        Map<String, String> versions = new LinkedHashMap<>();
        var ns = client.namespaces().withName(FOREIGN).get();
        versions.put("Namespace " + FOREIGN, ns == null ? "gone" : ns.getMetadata().getResourceVersion());
        var notes = client.configMaps().inNamespace(FOREIGN).withName("operator-notes").get();
        versions.put("ConfigMap operator-notes", notes == null ? "gone" : notes.getMetadata().getResourceVersion());
        var byHand = client.apps().deployments().inNamespace(FOREIGN).withName("by-hand").get();
        versions.put("Deployment by-hand", byHand == null ? "gone" : String.valueOf(byHand.getMetadata()
                .getGeneration()) + " " + byHand.getSpec().getTemplate());
        return versions;
    }

    private Stream<HasMetadata> namespaced(String namespace) {
        return Stream.of(client.apps().deployments().inNamespace(namespace).list().getItems(),
                        client.services().inNamespace(namespace).list().getItems(),
                        client.configMaps().inNamespace(namespace).list().getItems(),
                        client.network().v1().ingresses().inNamespace(namespace).list().getItems())
                .flatMap(List::stream).map(HasMetadata.class::cast)
                .filter(o -> o.getMetadata().getDeletionTimestamp() == null);
    }

    private static boolean marked(ObjectMeta meta) {
        return "plumbline".equals(meta.getLabels() == null ? null : meta.getLabels().get(MANAGED))
                && meta.getAnnotations() != null && ENV.equals(meta.getAnnotations().get("plumbline.io/environment"));
    }

    private static String describe(HasMetadata o) {
        return o.getKind() + " " + o.getMetadata().getNamespace() + "/" + o.getMetadata().getName();
    }

    @Override
    public void close() {
        if (plane != null) {
            plane.deleteNamespacesOf(ENV);
            client.namespaces().withName(FOREIGN).delete();
        }
    }
}
