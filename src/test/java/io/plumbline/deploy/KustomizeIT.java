package io.plumbline.deploy;

import static io.plumbline.testing.Kustomize.at;
import static io.plumbline.testing.Kustomize.one;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.testing.ControlPlane;
import io.plumbline.testing.Kustomize;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code deploy/kubernetes} renders with {@code kubectl kustomize} (the base and both overlays), and the real API
 * server accepts every rendered object in a server-side dry run. The Prometheus Operator's kinds are checked against
 * minimal CRDs of theirs (the group, version, kind and scope; their fields are the operator's to validate).
 */
class KustomizeIT {
    private static final Path BASE = Path.of("deploy/kubernetes").toAbsolutePath();
    private static final Path SINGLE = BASE.resolve("overlays/single");
    private static final Path FLEET = BASE.resolve("overlays/fleet");
    private static final ControlPlane PLANE = ControlPlane.shared();

    @BeforeAll
    static void namespaceAndOperatorKinds() throws Exception {
        // Namespaced objects are dry-run into a namespace that exists; the Namespace itself is dry-run too.
        Kustomize.kubectl(PLANE, "{\"apiVersion\": \"v1\", \"kind\": \"Namespace\", \"metadata\": {\"name\": "
                + "\"plumbline\"}}", "apply", "--server-side", "-f", "-");
        for (String[] kind : new String[][] {{"servicemonitors", "ServiceMonitor"}, {"prometheusrules",
                "PrometheusRule"}}) {
            Kustomize.kubectl(PLANE, """
                    apiVersion: apiextensions.k8s.io/v1
                    kind: CustomResourceDefinition
                    metadata: {name: %1$s.monitoring.coreos.com}
                    spec:
                      group: monitoring.coreos.com
                      scope: Namespaced
                      names: {plural: %1$s, kind: %2$s}
                      versions:
                        - name: v1
                          served: true
                          storage: true
                          schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
                    """.formatted(kind[0], kind[1]), "apply", "--server-side", "-f", "-");
            Kustomize.kubectl(PLANE, "", "wait", "--for", "condition=Established", "--timeout", "60s",
                    "crd/" + kind[0] + ".monitoring.coreos.com");
        }
    }

    @Test
    void theBaseIsAFleetOfThreeAndTheOverlaysSayHowMany() throws Exception {
        for (Path fleet : List.of(BASE, FLEET)) {
            List<Map<String, Object>> objects = Kustomize.render(PLANE, fleet);
            assertThat(kinds(objects)).containsExactlyInAnyOrder("Namespace", "ServiceAccount", "Role", "RoleBinding",
                    "ClusterRole", "ClusterRoleBinding", "ConfigMap", "Service", "Deployment", "PodDisruptionBudget",
                    "NetworkPolicy", "ServiceMonitor", "PrometheusRule");
            assertThat(at(one(objects, "Deployment"), "spec", "replicas")).isEqualTo(3);
            assertThat(at(one(objects, "ConfigMap"), "data", "PLUMBLINE_CLUSTER_ENABLED")).isEqualTo("true");
            assertThat(objects).allSatisfy(o -> {
                if (!List.of("Namespace", "ClusterRole", "ClusterRoleBinding").contains(o.get("kind"))) {
                    assertThat(at(o, "metadata", "namespace")).as(String.valueOf(o.get("kind"))).isEqualTo("plumbline");
                }
            });
        }
        assertThat(at(one(Kustomize.render(PLANE, FLEET), "ConfigMap"), "data", "PLUMBLINE_CLUSTER_LEASE_DURATION"))
                .isEqualTo("15s");

        List<Map<String, Object>> single = Kustomize.render(PLANE, SINGLE);
        assertThat(at(one(single, "Deployment"), "spec", "replicas")).isEqualTo(1);
        assertThat(at(one(single, "Deployment"), "spec", "strategy", "type")).isEqualTo("Recreate");
        assertThat(at(one(single, "ConfigMap"), "data", "PLUMBLINE_CLUSTER_ENABLED")).isEqualTo("false");
        assertThat(kinds(single)).doesNotContain("Role", "RoleBinding");
    }

    @Test
    void theApiServerAcceptsEveryRenderedObject() throws Exception {
        for (Path folder : List.of(BASE, SINGLE, FLEET)) {
            String rendered = Kustomize.text(PLANE, folder);
            String out = Kustomize.kubectl(PLANE, rendered, "apply", "--server-side", "--dry-run=server",
                    "--field-manager", "plumbline-deploy-test", "-f", "-");
            assertThat(out.lines()).as(folder + ":\n" + out).hasSize(kinds(Kustomize.render(PLANE, folder)).size())
                    .allSatisfy(line -> assertThat(line).endsWith("(server dry run)"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void oneImagesFieldSetsTheImageAndItsDigest(@TempDir Path overlay) throws Exception {
        // The Deployment names the image plumbline; the base's images field alone says what that is.
        Map<String, Object> image = ((List<Map<String, Object>>) load(BASE.resolve("base/kustomization.yaml"))
                .get("images")).get(0);
        assertThat(image.get("name")).isEqualTo("plumbline");
        Map<String, Object> container = ((List<Map<String, Object>>) at(one(Kustomize.render(PLANE, BASE),
                "Deployment"), "spec", "template", "spec", "containers")).get(0);
        assertThat(container.get("image")).isEqualTo(image.get("newName") + ":" + image.get("newTag"));

        String digest = "sha256:" + "0123456789abcdef".repeat(4);
        Files.writeString(overlay.resolve("kustomization.yaml"), """
                resources: [%s]
                images:
                  - {name: ghcr.io/acme/plumbline, newName: registry.example.com/plumbline, digest: %s}
                """.formatted(overlay.relativize(BASE), digest));
        container = ((List<Map<String, Object>>) at(one(Kustomize.render(PLANE, overlay), "Deployment"),
                "spec", "template", "spec", "containers")).get(0);
        assertThat(container.get("image")).isEqualTo("registry.example.com/plumbline@" + digest);
    }

    @Test
    void thePrometheusRuleCarriesTheRulesFileAsItIs() throws IOException {
        Map<String, Object> rule = load(BASE.resolve("base/prometheusrule.yaml"));
        Map<String, Object> file = load(Path.of("deploy/prometheus-rules.yaml"));
        assertThat(rule.get("spec")).isEqualTo(file);
    }

    private static List<Object> kinds(List<Map<String, Object>> objects) {
        return objects.stream().map(o -> o.get("kind")).toList();
    }

    private static Map<String, Object> load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new Yaml().load(in);
        }
    }
}
