package io.plumbline.provider.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.plumbline.model.Action;
import io.plumbline.model.Change;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.InvalidInputException;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.ObjectResult;
import io.plumbline.model.ObjectResult.Result;
import io.plumbline.model.RefusedException;
import io.plumbline.model.Revision;
import io.plumbline.provider.kubernetes.TestCluster.Reconcile;
import io.plumbline.render.kubernetes.TestEnvironments;
import io.plumbline.testing.Guarded;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The provider against the real control plane, with the example production environment. */
class KubernetesProviderIT {
    private final TestCluster cluster = new TestCluster();
    private final KubernetesProvider provider = cluster.provider(KubernetesOptions.DEFAULT
            .withHealthTimeout(Duration.ofSeconds(30)).withPollInterval(Duration.ofMillis(200)));
    private final LoadedEnvironment production = cluster.production();

    private String image(String name) {
        List<Map<String, Object>> containers = TestCluster.at(cluster.get("apps/v1", "Deployment", name),
                "spec", "template", "spec", "containers");
        return (String) containers.get(0).get("image");
    }

    @Test
    void firstApplyCreatesEverythingAndASecondIsAllNoopWithoutWritesOrDryRuns() {
        Reconcile first = TestCluster.reconcile(provider, production);

        assertThat(first.results()).hasSize(11).extracting(ObjectResult::result).containsOnly(Result.CREATED);
        assertThat(image("frontend")).endsWith("frontend:v1.4.2");
        assertThat(cluster.get("policy/v1", "PodDisruptionBudget", "frontend")).isNotNull();
        ApiCalls.Counts before = provider.apiCalls();

        Reconcile second = TestCluster.reconcile(provider, production);

        assertThat(second.plan().changes()).extracting(Change::action).containsOnly(Action.NOOP);
        assertThat(second.results()).extracting(ObjectResult::result).containsOnly(Result.UNCHANGED);
        ApiCalls.Counts calls = provider.apiCalls().minus(before);
        assertThat(calls.writes()).isZero();
        assertThat(calls.dryRuns()).isZero();
        assertThat(calls.gets()).isZero();
        // the namespaces, then one list for each of the five kinds in the one namespace
        assertThat(calls.lists()).isEqualTo(6);
    }

    @Test
    void changingAnImageUpdatesOnlyThatDeployment() {
        TestCluster.reconcile(provider, production);
        Long backendGeneration = cluster.get("apps/v1", "Deployment", "thoughts-backend").getMetadata()
                .getGeneration();
        LoadedEnvironment changed = cluster.production("frontend:v1.4.2", "frontend:v1.5.0", Revision.WORKING_TREE);

        Reconcile reconcile = TestCluster.reconcile(provider, changed);

        assertThat(reconcile.plan().with(Action.UPDATE)).singleElement().satisfies(c -> {
            assertThat(c.key().name()).isEqualTo("frontend");
            assertThat(c.fields()).singleElement().satisfies(f -> assertThat(f.path())
                    .isEqualTo("spec.template.spec.containers[name=frontend-service].image"));
        });
        assertThat(reconcile.results()).filteredOn(r -> r.result() == Result.CONFIGURED).hasSize(1);
        assertThat(image("frontend")).endsWith("frontend:v1.5.0");
        assertThat(cluster.get("apps/v1", "Deployment", "thoughts-backend").getMetadata().getGeneration())
                .isEqualTo(backendGeneration);
        assertThat(TestCluster.plan(provider, changed).hasWrites()).isFalse();
    }

    @Test
    void removingAnApplicationPrunesItsObjectsAndNothingElse() throws Exception {
        TestCluster.reconcile(provider, production);
        cluster.client.configMaps().inNamespace(cluster.namespace).resource(new ConfigMapBuilder()
                .withNewMetadata().withName("users-backend").endMetadata().addToData("kept", "yes").build()).create();
        String file = Files.readString(Path.of("example-repo/environments/production.yaml"));
        String usersApp = file.substring(file.indexOf("      - name: users-backend"), file.indexOf("    manifests:"));
        LoadedEnvironment removed = cluster.production(usersApp, "",
                new Revision("c2", "main", "Retire users-backend\n\nPlumbline-Allow-Deletes: 3\n"));
        // marked by Plumbline, but for another environment
        cluster.client.configMaps().inNamespace(cluster.namespace).resource(new ConfigMapBuilder().withNewMetadata()
                .withName("staging-settings").withLabels(Map.of("app.kubernetes.io/managed-by", "plumbline"))
                .withAnnotations(Map.of("plumbline.io/environment", "staging")).endMetadata().build()).create();

        Reconcile reconcile = TestCluster.reconcile(provider, removed);

        String ns = cluster.namespace;
        assertThat(reconcile.plan().with(Action.DELETE)).extracting(c -> c.key().toString()).containsExactlyInAnyOrder(
                "kubernetes apps/v1/Deployment " + ns + "/users-backend",
                "kubernetes v1/Service " + ns + "/users-service",
                "kubernetes networking.k8s.io/v1/Ingress " + ns + "/users-backend");
        assertThat(reconcile.results()).filteredOn(r -> r.result() == Result.DELETED).hasSize(3);
        assertThat(cluster.get("v1", "Service", "users-service")).isNull();
        assertThat(cluster.get("v1", "ConfigMap", "users-backend")).isNotNull();
        assertThat(cluster.get("v1", "ConfigMap", "staging-settings")).isNotNull();
        assertThat(reconcile.plan().changes()).noneMatch(c -> c.key().name().equals("staging-settings"));
        assertThat(cluster.get("apps/v1", "Deployment", "thoughts-backend")).isNotNull();
    }

    @Test
    void aClusterWideKindThatLeavesTheEnvironmentAltogetherIsPruned() {
        String role = "reader-" + cluster.namespace;
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
        LoadedEnvironment withRole = cluster.of(environment, TestEnvironments.documents("manifests/reader.yaml", """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: %s}
                rules: [{apiGroups: [""], resources: [pods], verbs: [get, list]}]
                """.formatted(role)));
        TestCluster.reconcile(provider, withRole);
        assertThat(cluster.client.rbac().clusterRoles().withName(role).get()).isNotNull();

        Reconcile without = TestCluster.reconcile(provider, cluster.of(environment, List.of()));

        assertThat(without.results()).filteredOn(r -> r.result() == Result.DELETED).extracting(r -> r.key().toString())
                .containsExactly("kubernetes rbac.authorization.k8s.io/v1/ClusterRole " + role);
        assertThat(cluster.client.rbac().clusterRoles().withName(role).get()).isNull();
    }

    @Test
    void droppingANamespacePrunesWhatIsInItThenTheNamespaceWhichIsNotPlannedAgainWhileItTerminates() {
        String jobs = cluster.namespace + "-jobs";
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
        String extra = "      - {name: batch, namespace: " + jobs + ", image: \"example/batch:v1\", port: 9000}";
        LoadedEnvironment both = cluster.of(twoNamespaces.formatted(", " + jobs, extra), List.of());
        LoadedEnvironment one = TestEnvironments.withRevision(cluster.of(twoNamespaces.formatted("", ""), List.of()),
                new Revision("c3", "main", "Plumbline-Allow-Deletes: 3"));
        TestCluster.reconcile(provider, both);
        // an object with this environment's marks, of a kind it never declared, held by a finalizer of someone
        // else's: the namespace takes it along (the plan names it), and stays terminating until they let go
        cluster.client.configMaps().inNamespace(jobs).resource(new ConfigMapBuilder().withNewMetadata()
                .withName("held").withFinalizers("example.com/hold")
                .withLabels(Map.of("app.kubernetes.io/managed-by", "plumbline"))
                .withAnnotations(Map.of("plumbline.io/environment", cluster.environment)).endMetadata().build())
                .create();

        Reconcile reconcile = TestCluster.reconcile(provider, one);

        assertThat(reconcile.results()).filteredOn(r -> r.result() == Result.DELETED)
                .extracting(r -> r.key().toString())
                .containsExactly("kubernetes apps/v1/Deployment " + jobs + "/batch",
                        "kubernetes v1/ConfigMap " + jobs + "/held", "kubernetes v1/Namespace " + jobs);
        assertThat(cluster.get("apps/v1", "Deployment", "web")).isNotNull();
        ChangeSet whileTerminating = TestCluster.plan(provider, one);
        assertThat(whileTerminating.hasWrites()).isFalse();
        assertThat(whileTerminating.changes()).filteredOn(c -> c.key().name().equals(jobs)).singleElement()
                .satisfies(c -> {
                    assertThat(c.action()).isEqualTo(Action.ORPHAN);
                    assertThat(c.note()).isEqualTo("being deleted");
                });
        cluster.client.configMaps().inNamespace(jobs).withName("held")
                .edit(m -> new ConfigMapBuilder(m).editMetadata().withFinalizers().endMetadata().build());
    }

    @Test
    void anObjectAnotherEnvironmentOwnsIsNotTakenOver() {
        cluster.client.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
                .withName(cluster.namespace).endMetadata().build()).create();
        cluster.client.policy().v1().podDisruptionBudget().inNamespace(cluster.namespace).resource(
                new PodDisruptionBudgetBuilder().withNewMetadata()
                        .withName("frontend").withLabels(Map.of("app.kubernetes.io/managed-by", "plumbline"))
                        .withAnnotations(Map.of("plumbline.io/environment", "staging")).endMetadata()
                        .withNewSpec().withNewMinAvailable(1).endSpec().build()).create();
        LoadedEnvironment adopting = TestEnvironments.withRevision(production, new Revision("c4", "main",
                "Plumbline-Adopt: Namespace " + cluster.namespace));

        Reconcile reconcile = TestCluster.reconcile(provider, adopting);

        assertThat(reconcile.results()).filteredOn(r -> r.result() == Result.FAILED).singleElement().satisfies(r -> {
            assertThat(r.key().toString()).isEqualTo("kubernetes policy/v1/PodDisruptionBudget "
                    + cluster.namespace + "/frontend");
            assertThat(r.message()).isEqualTo("belongs to Plumbline environment 'staging'; not taken over");
        });
        assertThat(cluster.get("policy/v1", "PodDisruptionBudget", "frontend").getMetadata().getAnnotations())
                .containsEntry("plumbline.io/environment", "staging");
    }

    @Test
    void deletingTooMuchIsRefusedAndNothingIsDeleted() {
        TestCluster.reconcile(provider, production);
        long writes = provider.apiCalls().writes();
        LoadedEnvironment empty = cluster.retired(Revision.WORKING_TREE);

        // The plan shows every deletion (so a reviewer sees what would go); only applying it is refused.
        assertThat(TestCluster.plan(provider, empty).with(Action.DELETE)).hasSize(11);
        assertThatThrownBy(() -> Guarded.apply(provider, empty, TestCluster.plan(provider, empty)))
                .isInstanceOf(RefusedException.class)
                .hasMessageContaining("refusing to delete 11 of 11 owned objects");
        assertThat(cluster.get("apps/v1", "Deployment", "frontend")).isNotNull();
        assertThat(provider.apiCalls().writes()).isEqualTo(writes);
    }

    @Test
    void badManifestsGiveFileAndLineAndApplyNothing() {
        LoadedEnvironment bad = TestEnvironments.withManifests(production,
                TestEnvironments.manifests(Path.of("src/test/resources/kubernetes/raw/bad")));

        assertThatThrownBy(() -> TestCluster.reconcile(provider, bad)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("src/test/resources/kubernetes/raw/bad/manifests.yaml:1:1:");
        assertThat(provider.apiCalls().total()).isZero();
    }
}
