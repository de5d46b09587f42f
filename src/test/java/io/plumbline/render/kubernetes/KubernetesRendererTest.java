package io.plumbline.render.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumbline.model.InvalidInputException;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Marks;
import io.plumbline.model.Problem;
import io.plumbline.model.Resource;
import io.plumbline.model.ResourceKey;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KubernetesRendererTest {
    private final KubernetesRenderer renderer = new KubernetesRenderer();
    private final LoadedEnvironment production = TestEnvironments.production();

    private Resource find(List<Resource> all, String kind, String name) {
        return all.stream().filter(r -> r.key().kind().equals(kind) && r.key().name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("not rendered: " + kind + " " + name));
    }

    @Test
    void rendersNamespacesFirstThenApplicationsThenRawManifests() {
        List<String> keys = renderer.render(production).stream().map(r -> r.key().toString()).toList();

        assertThat(keys).containsExactly(
                "kubernetes v1/Namespace example",
                "kubernetes apps/v1/Deployment example/frontend",
                "kubernetes v1/Service example/frontend-service",
                "kubernetes autoscaling/v2/HorizontalPodAutoscaler example/frontend",
                "kubernetes apps/v1/Deployment example/thoughts-backend",
                "kubernetes v1/Service example/thoughts-service",
                "kubernetes networking.k8s.io/v1/Ingress example/thoughts-backend",
                "kubernetes apps/v1/Deployment example/users-backend",
                "kubernetes v1/Service example/users-service",
                "kubernetes networking.k8s.io/v1/Ingress example/users-backend",
                "kubernetes policy/v1/PodDisruptionBudget example/frontend");
    }

    @Test
    void frontendBecomesTheDeploymentServiceAndAutoscalerOfTheFixture() {
        List<Resource> all = renderer.render(production);
        List<Map<String, Object>> expected = TestEnvironments.fixture("render/frontend.yaml");

        assertThat(find(all, "apps/v1/Deployment", "frontend").body()).isEqualTo(expected.get(0));
        assertThat(find(all, "v1/Service", "frontend-service").body()).isEqualTo(expected.get(1));
        assertThat(find(all, "autoscaling/v2/HorizontalPodAutoscaler", "frontend").body()).isEqualTo(expected.get(2));
    }

    @Test
    void backendsGetANodePortServiceAnIngressAndTheirSidecar() {
        List<Resource> all = renderer.render(production);
        List<Map<String, Object>> expected = TestEnvironments.fixture("render/thoughts-backend.yaml");

        assertThat(find(all, "v1/Service", "thoughts-service").body()).isEqualTo(expected.get(0));
        assertThat(find(all, "networking.k8s.io/v1/Ingress", "thoughts-backend").body()).isEqualTo(expected.get(1));
        List<?> containers = (List<?>) Nodes.at(find(all, "apps/v1/Deployment", "thoughts-backend").body(),
                "spec", "template", "spec", "containers");
        assertThat(containers).hasSize(2);
        assertThat(containers.get(1)).isEqualTo(expected.get(2));
        assertThat(all).noneMatch(r -> r.key().kind().endsWith("HorizontalPodAutoscaler")
                && r.key().name().equals("thoughts-backend"));
    }

    @Test
    void everythingCarriesTheOwnershipMarksAndApplicationLabels() {
        for (Resource r : renderer.render(production)) {
            assertThat(Marking.isOwnedBy(r.body(), "production")).as(r.key().toString()).isTrue();
            assertThat(Nodes.at(r.body(), "metadata", "labels", Marking.PART_OF_LABEL)).isEqualTo("production");
            assertThat(Nodes.at(r.body(), "metadata", "labels", Marking.NAME_LABEL)).isNotNull();
            assertThat(Nodes.at(r.body(), "metadata", "labels", Marks.MANAGED_BY_LABEL)).isEqualTo("plumbline");
        }
    }

    @Test
    void theNamespaceRecordsWhichKindsItHolds() {
        Resource namespace = find(renderer.render(production), "v1/Namespace", "example");

        assertThat(Nodes.at(namespace.body(), "metadata", "annotations", KubernetesRenderer.KINDS_ANNOTATION))
                .isEqualTo("apps/v1/Deployment,autoscaling/v2/HorizontalPodAutoscaler,networking.k8s.io/v1/Ingress,"
                        + "policy/v1/PodDisruptionBudget,v1/Service");
    }

    @Test
    void rawManifestsAreAppliedAsWrittenWithTheirNamespaceSettled() {
        LoadedEnvironment env = TestEnvironments.withManifests(production,
                TestEnvironments.manifests(Path.of("src/test/resources/kubernetes/raw/good")));
        List<Resource> all = renderer.render(env);

        Resource settings = find(all, "v1/ConfigMap", "settings");
        assertThat(settings.key()).isEqualTo(ResourceKey.of("kubernetes", "v1/ConfigMap", "example", "settings"));
        assertThat(Nodes.at(settings.body(), "data", "LOG_LEVEL")).isEqualTo("info");
        assertThat(find(all, "rbac.authorization.k8s.io/v1/ClusterRole", "reader").key().namespace()).isEmpty();
        assertThat(find(all, "monitoring.coreos.com/v1/ServiceMonitor", "frontend").key().namespace())
                .isEqualTo("example");
    }

    @Test
    void badManifestsFailWithFileAndLineBeforeAnythingIsRendered() {
        LoadedEnvironment env = TestEnvironments.withManifests(production,
                TestEnvironments.manifests(Path.of("src/test/resources/kubernetes/raw/bad")));

        assertThatThrownBy(() -> renderer.render(env))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::toString)
                        .containsExactly(
                                "src/test/resources/kubernetes/raw/bad/manifests.yaml:1:1: /apiVersion: kind Deployment"
                                        + " is not served as 'v1'; use apps/v1 or extensions/v1beta1",
                                "src/test/resources/kubernetes/raw/bad/manifests.yaml:6:1: /kind: not a Kubernetes"
                                        + " object: no kind 'Environment' in 'plumbline/v1' (custom resources need a"
                                        + " group such as example.com/v1)",
                                "src/test/resources/kubernetes/raw/bad/manifests.yaml:11:1: /metadata/name:"
                                        + " metadata.name is missing or not text"));
    }

    @Test
    void anObjectDeclaredTwiceIsAnError() {
        LoadedEnvironment env = TestEnvironments.withManifests(production, TestEnvironments.documents("dup.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: frontend, namespace: example}
                """));

        assertThatThrownBy(() -> renderer.render(env)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("dup.yaml:1:1: /metadata/name: this object is declared twice");
    }

    @Test
    void anIngressWithoutADeclaredServiceGetsOneOnTheApplicationPort() {
        LoadedEnvironment env = TestEnvironments.of("e.yaml", """
                apiVersion: plumbline/v1
                kind: Environment
                metadata: {name: staging}
                spec:
                  kubernetes:
                    namespaces: [staging]
                    applications:
                      - name: api
                        image: "example/api:v3"
                        port: 9000
                        probes:
                          readiness: {tcp: 9000, timeout: 2s, failureThreshold: 5}
                          liveness: {exec: [/bin/check, --quick]}
                        ingress: {host: api.example.com, path: /v3, className: nginx, tlsSecret: api-tls}
                """, List.of());
        List<Resource> all = renderer.render(env);

        Resource service = find(all, "v1/Service", "api");
        assertThat(service.key().namespace()).isEqualTo("staging");
        assertThat(Nodes.at(service.body(), "spec", "type")).isEqualTo("ClusterIP");
        assertThat(Nodes.at(service.body(), "spec", "ports")).isEqualTo(
                List.of(Map.of("name", "http", "port", 9000, "targetPort", 9000)));
        Map<String, Object> ingress = find(all, "networking.k8s.io/v1/Ingress", "api").body();
        assertThat(Nodes.at(ingress, "spec", "ingressClassName")).isEqualTo("nginx");
        assertThat(Nodes.at(ingress, "spec", "tls")).isEqualTo(
                List.of(Map.of("hosts", List.of("api.example.com"), "secretName", "api-tls")));
        @SuppressWarnings("unchecked")
        Map<String, Object> container = (Map<String, Object>) ((List<?>) Nodes.at(find(all, "apps/v1/Deployment", "api").body(),
                "spec", "template", "spec", "containers")).get(0);
        assertThat(container.get("readinessProbe")).isEqualTo(
                Map.of("tcpSocket", Map.of("port", 9000), "timeoutSeconds", 2, "failureThreshold", 5));
        assertThat(container.get("livenessProbe")).isEqualTo(
                Map.of("exec", Map.of("command", List.of("/bin/check", "--quick"))));
        assertThat(container).doesNotContainKeys("imagePullPolicy", "env", "resources");
    }

    @Test
    void anEnvironmentWithoutKubernetesRendersNothing() {
        LoadedEnvironment env = TestEnvironments.of("e.yaml", """
                apiVersion: plumbline/v1
                kind: Environment
                metadata: {name: empty}
                spec: {}
                """, List.of());

        assertThat(renderer.render(env)).isEmpty();
    }
}
