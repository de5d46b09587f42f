package io.plumbline.provider.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.plumbline.model.Action;
import io.plumbline.model.Change;
import io.plumbline.model.InvalidInputException;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.ObjectResult;
import io.plumbline.model.ObjectResult.Result;
import io.plumbline.model.RefusedException;
import io.plumbline.model.Revision;
import io.plumbline.provider.kubernetes.MockCluster.Reconcile;
import io.plumbline.render.kubernetes.TestEnvironments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The provider against fabric8's mock API server in CRUD mode, with the example production environment. */
class KubernetesProviderIT {
    private static final String DEPLOYMENTS = "/apis/apps/v1/namespaces/example/deployments";
    private MockCluster cluster;
    private KubernetesProvider provider;
    private LoadedEnvironment production;

    @BeforeEach
    void start() {
        cluster = new MockCluster();
        provider = cluster.provider(KubernetesOptions.DEFAULT.withHealthTimeout(Duration.ofMillis(500))
                .withPollInterval(Duration.ofMillis(50)));
        production = TestEnvironments.production();
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    private static LoadedEnvironment production(String from, String to, Revision revision) throws IOException {
        Path file = Path.of("example-repo/environments/production.yaml");
        String yaml = Files.readString(file).replace(from, to);
        LoadedEnvironment env = TestEnvironments.of(file.toString(), yaml,
                TestEnvironments.manifests(Path.of("example-repo/manifests/production")));
        return TestEnvironments.withRevision(env, revision);
    }

    private String image(String name) {
        Map<?, ?> spec = (Map<?, ?>) cluster.get("apps/v1", "Deployment", "example", name).getAdditionalProperties()
                .get("spec");
        Map<?, ?> pod = (Map<?, ?>) ((Map<?, ?>) spec.get("template")).get("spec");
        return (String) ((Map<?, ?>) ((List<?>) pod.get("containers")).get(0)).get("image");
    }

    @Test
    void firstApplyCreatesEverythingAndASecondIsAllNoopWithoutWrites() {
        Reconcile first = MockCluster.reconcile(provider, production);

        assertThat(first.results()).hasSize(11).extracting(ObjectResult::result).containsOnly(Result.CREATED);
        assertThat(image("frontend")).endsWith("frontend:v1.4.2");
        assertThat(cluster.get("policy/v1", "PodDisruptionBudget", "example", "frontend")).isNotNull();
        cluster.takeRequests();
        ApiCalls.Counts before = provider.apiCalls();

        Reconcile second = MockCluster.reconcile(provider, production);

        assertThat(second.plan().changes()).extracting(Change::action).containsOnly(Action.NOOP);
        assertThat(second.results()).extracting(ObjectResult::result).containsOnly(Result.UNCHANGED);
        List<String> requests = cluster.takeRequests();
        assertThat(requests).allMatch(r -> r.startsWith("GET ") && r.contains("labelSelector="));
        ApiCalls.Counts calls = provider.apiCalls().minus(before);
        assertThat(calls.writes()).isZero();
        assertThat(calls.gets()).isZero();
        // the namespaces, then one list for each of the five kinds in the one namespace
        assertThat(calls.lists()).isEqualTo(6).isEqualTo(requests.size());
    }

    @Test
    void changingAnImageUpdatesOnlyThatDeployment() throws IOException {
        MockCluster.reconcile(provider, production);
        String backendVersion = cluster.get("apps/v1", "Deployment", "example", "thoughts-backend")
                .getMetadata().getResourceVersion();
        LoadedEnvironment changed = production("frontend:v1.4.2", "frontend:v1.5.0", Revision.WORKING_TREE);

        Reconcile reconcile = MockCluster.reconcile(provider, changed);

        assertThat(reconcile.plan().with(Action.UPDATE)).singleElement().satisfies(c -> {
            assertThat(c.key().name()).isEqualTo("frontend");
            assertThat(c.fields()).singleElement().satisfies(f ->
                    assertThat(f.path()).isEqualTo("spec.template.spec.containers[0].image"));
        });
        assertThat(reconcile.results()).filteredOn(r -> r.result() == Result.CONFIGURED).hasSize(1);
        assertThat(image("frontend")).endsWith("frontend:v1.5.0");
        assertThat(cluster.get("apps/v1", "Deployment", "example", "thoughts-backend").getMetadata()
                .getResourceVersion()).isEqualTo(backendVersion);
        assertThat(MockCluster.reconcile(provider, changed).plan().hasWrites()).isFalse();
    }

    @Test
    void removingAnApplicationPrunesItsObjectsAndNothingElse() throws IOException {
        MockCluster.reconcile(provider, production);
        cluster.client.configMaps().inNamespace("example").resource(new ConfigMapBuilder()
                .withNewMetadata().withName("users-backend").endMetadata().addToData("kept", "yes").build()).create();
        String withoutUsers = Files.readString(Path.of("example-repo/environments/production.yaml"));
        String usersApp = withoutUsers.substring(withoutUsers.indexOf("      - name: users-backend"),
                withoutUsers.indexOf("    manifests:"));
        LoadedEnvironment removed = production(usersApp, "",
                new Revision("c2", "main", "Retire users-backend\n\nPlumbline-Allow-Deletes: 3\n"));
        // marked by Plumbline, but for another environment
        cluster.client.configMaps().inNamespace("example").resource(new ConfigMapBuilder().withNewMetadata()
                .withName("staging-settings").withLabels(Map.of("app.kubernetes.io/managed-by", "plumbline"))
                .withAnnotations(Map.of("plumbline.io/environment", "staging")).endMetadata().build()).create();

        Reconcile reconcile = MockCluster.reconcile(provider, removed);

        assertThat(reconcile.plan().with(Action.DELETE)).extracting(c -> c.key().toString()).containsExactlyInAnyOrder(
                "kubernetes apps/v1/Deployment example/users-backend",
                "kubernetes v1/Service example/users-service",
                "kubernetes networking.k8s.io/v1/Ingress example/users-backend");
        assertThat(reconcile.results()).filteredOn(r -> r.result() == Result.DELETED).hasSize(3);
        assertThat(cluster.get("apps/v1", "Deployment", "example", "users-backend")).isNull();
        assertThat(cluster.get("v1", "Service", "example", "users-service")).isNull();
        assertThat(cluster.get("v1", "ConfigMap", "example", "users-backend")).isNotNull();
        assertThat(cluster.get("v1", "ConfigMap", "example", "staging-settings")).isNotNull();
        assertThat(reconcile.plan().changes()).noneMatch(c -> c.key().name().equals("staging-settings"));
        assertThat(cluster.get("apps/v1", "Deployment", "example", "thoughts-backend")).isNotNull();
    }

    @Test
    void rawManifestsOfEveryScopeAreAppliedAndThenUnchanged() {
        LoadedEnvironment env = TestEnvironments.withManifests(production,
                TestEnvironments.manifests(Path.of("src/test/resources/kubernetes/raw/good")));

        assertThat(MockCluster.reconcile(provider, env).results()).extracting(ObjectResult::result)
                .containsOnly(Result.CREATED);
        assertThat(cluster.client.genericKubernetesResources("rbac.authorization.k8s.io/v1", "ClusterRole")
                .withName("reader").get()).isNotNull();
        assertThat(MockCluster.reconcile(provider, env).plan().hasWrites()).isFalse();
    }

    @Test
    void aClusterWideKindThatLeavesTheEnvironmentAltogetherIsPruned() {
        String environment = """
                apiVersion: plumbline/v1
                kind: Environment
                metadata: {name: production}
                spec:
                  sync: {prune: true, maxDeletePercent: 50}
                  kubernetes:
                    namespaces: [example]
                    applications:
                      - {name: web, namespace: example, image: "example/web:v1", port: 8000, expose: {port: 80}}
                """;
        LoadedEnvironment withRole = TestEnvironments.of("e.yaml", environment, TestEnvironments.documents(
                "manifests/reader.yaml", """
                        apiVersion: rbac.authorization.k8s.io/v1
                        kind: ClusterRole
                        metadata: {name: reader}
                        rules: [{apiGroups: [""], resources: [pods], verbs: [get, list]}]
                        """));
        MockCluster.reconcile(provider, withRole);

        Reconcile without = MockCluster.reconcile(provider, TestEnvironments.of("e.yaml", environment, List.of()));

        assertThat(without.results()).filteredOn(r -> r.result() == Result.DELETED).extracting(r -> r.key().toString())
                .containsExactly("kubernetes rbac.authorization.k8s.io/v1/ClusterRole reader");
        assertThat(cluster.client.genericKubernetesResources("rbac.authorization.k8s.io/v1", "ClusterRole")
                .withName("reader").get()).isNull();
    }

    @Test
    void droppingANamespacePrunesWhatIsInItFirstThenTheNamespace() {
        String twoNamespaces = """
                apiVersion: plumbline/v1
                kind: Environment
                metadata: {name: production}
                spec:
                  sync: {prune: true}
                  kubernetes:
                    namespaces: [example%s]
                    applications:
                      - {name: web, namespace: example, image: "example/web:v1", port: 8000, expose: {port: 80}}
                %s
                """;
        String extra = "      - {name: batch, namespace: jobs, image: \"example/batch:v1\", port: 9000}";
        LoadedEnvironment both = TestEnvironments.of("e.yaml", twoNamespaces.formatted(", jobs", extra), List.of());
        LoadedEnvironment one = TestEnvironments.withRevision(TestEnvironments.of("e.yaml",
                twoNamespaces.formatted("", ""), List.of()), new Revision("c3", "main", "Plumbline-Allow-Deletes: 2"));
        MockCluster.reconcile(provider, both);

        Reconcile reconcile = MockCluster.reconcile(provider, one);

        assertThat(reconcile.results()).filteredOn(r -> r.result() == Result.DELETED)
                .extracting(r -> r.key().toString())
                .containsExactly("kubernetes apps/v1/Deployment jobs/batch", "kubernetes v1/Namespace jobs");
        assertThat(cluster.get("apps/v1", "Deployment", "jobs", "batch")).isNull();
        assertThat(cluster.client.namespaces().withName("jobs").get()).isNull();
        assertThat(cluster.get("apps/v1", "Deployment", "example", "web")).isNotNull();
    }

    @Test
    void anObjectAnotherEnvironmentOwnsIsNotTakenOver() {
        cluster.client.policy().v1().podDisruptionBudget().inNamespace("example").resource(
                new PodDisruptionBudgetBuilder().withNewMetadata()
                        .withName("frontend").withLabels(Map.of("app.kubernetes.io/managed-by", "plumbline"))
                        .withAnnotations(Map.of("plumbline.io/environment", "staging")).endMetadata()
                        .withNewSpec().withNewMinAvailable(1).endSpec().build()).create();

        Reconcile reconcile = MockCluster.reconcile(provider, production);

        assertThat(reconcile.results()).filteredOn(r -> r.result() == Result.FAILED).singleElement().satisfies(r -> {
            assertThat(r.key().toString()).isEqualTo("kubernetes policy/v1/PodDisruptionBudget example/frontend");
            assertThat(r.message()).isEqualTo("belongs to Plumbline environment 'staging'; not taken over");
        });
        assertThat(cluster.get("policy/v1", "PodDisruptionBudget", "example", "frontend").getMetadata()
                .getAnnotations()).containsEntry("plumbline.io/environment", "staging");
    }

    @Test
    void deletingTooMuchIsRefusedAndNothingIsDeleted() throws IOException {
        MockCluster.reconcile(provider, production);
        long writes = provider.apiCalls().writes();
        LoadedEnvironment empty = TestEnvironments.of("production.yaml", """
                apiVersion: plumbline/v1
                kind: Environment
                metadata: {name: production}
                spec:
                  sync: {prune: true}
                  kubernetes: {namespaces: []}
                """, List.of());

        assertThatThrownBy(() -> MockCluster.reconcile(provider, empty)).isInstanceOf(RefusedException.class)
                .hasMessageContaining("refusing to delete 11 of 11 owned objects");
        assertThat(cluster.get("apps/v1", "Deployment", "example", "frontend")).isNotNull();
        assertThat(provider.apiCalls().writes()).isEqualTo(writes);
    }

    @Test
    void aConflictIsRetriedOnFreshState() throws IOException {
        MockCluster.reconcile(provider, production);
        LoadedEnvironment changed = production("frontend:v1.4.2", "frontend:v1.5.0", Revision.WORKING_TREE);
        var desired = provider.render(changed);
        var plan = provider.diff(changed, desired, provider.observe(changed, desired));
        // someone else changes the Deployment between plan and apply: its resourceVersion moves on
        cluster.client.apps().deployments().inNamespace("example").withName("frontend")
                .edit(d -> { d.getMetadata().getLabels().put("edited-by", "someone"); return d; });
        long getsBefore = provider.apiCalls().gets();

        List<ObjectResult> results = provider.apply(changed, plan);

        assertThat(results).filteredOn(r -> r.result() == Result.CONFIGURED).singleElement()
                .satisfies(r -> assertThat(r.key().name()).isEqualTo("frontend"));
        assertThat(provider.apiCalls().gets() - getsBefore).isEqualTo(1);
        assertThat(image("frontend")).endsWith("frontend:v1.5.0");
        assertThat(cluster.get("apps/v1", "Deployment", "example", "frontend").getMetadata().getLabels())
                .containsEntry("edited-by", "someone");
    }

    @Test
    void anInjectedConflictIsRetried() throws IOException {
        MockCluster.reconcile(provider, production);
        cluster.server.expect().put().withPath(DEPLOYMENTS + "/frontend")
                .andReturn(409, new StatusBuilder().withCode(409).withReason("Conflict").build()).once();
        LoadedEnvironment changed = production("frontend:v1.4.2", "frontend:v1.5.0", Revision.WORKING_TREE);
        cluster.takeRequests();

        Reconcile reconcile = MockCluster.reconcile(provider, changed);

        assertThat(reconcile.results()).filteredOn(r -> r.result() == Result.CONFIGURED).hasSize(1);
        assertThat(cluster.takeRequests()).filteredOn(r -> r.startsWith("PUT ")).hasSize(2);
        assertThat(image("frontend")).endsWith("frontend:v1.5.0");
    }

    @Test
    void anErrorOnOneObjectDoesNotStopTheOthers() throws IOException {
        MockCluster.reconcile(provider, production);
        cluster.server.expect().put().withPath(DEPLOYMENTS + "/frontend")
                .andReturn(422, new StatusBuilder().withCode(422).withMessage("spec.replicas: Invalid value").build())
                .always();
        String yaml = Files.readString(Path.of("example-repo/environments/production.yaml"))
                .replace("frontend:v1.4.2", "frontend:v1.5.0").replace("thoughts-backend:v2.0.1", "thoughts-backend:v2.0.2");
        LoadedEnvironment both = TestEnvironments.of("production.yaml", yaml, production.manifests());

        List<ObjectResult> results = MockCluster.reconcile(provider, both).results();

        assertThat(results).filteredOn(r -> r.result() == Result.FAILED).singleElement().satisfies(r -> {
            assertThat(r.key().name()).isEqualTo("frontend");
            assertThat(r.message()).contains("422").contains("Invalid value");
        });
        assertThat(results).filteredOn(r -> r.result() == Result.CONFIGURED).singleElement()
                .satisfies(r -> assertThat(r.key().name()).isEqualTo("thoughts-backend"));
    }

    @Test
    void badManifestsGiveFileAndLineAndApplyNothing() {
        LoadedEnvironment bad = TestEnvironments.withManifests(production,
                TestEnvironments.manifests(Path.of("src/test/resources/kubernetes/raw/bad")));

        assertThatThrownBy(() -> MockCluster.reconcile(provider, bad)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("src/test/resources/kubernetes/raw/bad/manifests.yaml:1:1:");
        assertThat(cluster.server.getRequestCount()).isZero();
        assertThat(provider.apiCalls().total()).isZero();
    }
}
