package io.plumbline.provider.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.plumbline.model.Action;
import io.plumbline.model.FieldChange;
import io.plumbline.model.InvalidInputException;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.ObjectResult;
import io.plumbline.model.ObjectResult.Result;
import io.plumbline.model.Revision;
import io.plumbline.render.kubernetes.TestEnvironments;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Plans that agree with what the real API server does with a server-side apply. */
class ServerSideApplyIT {
    private static final String FRONTEND = "spec.template.spec.containers[name=frontend-service]";
    private final TestCluster cluster = new TestCluster();
    private final KubernetesProvider provider = cluster.provider(KubernetesOptions.DEFAULT);
    private final LoadedEnvironment production = cluster.production();

    private Map<String, Object> frontendContainer() {
        List<Map<String, Object>> containers = TestCluster.at(cluster.get("apps/v1", "Deployment", "frontend"),
                "spec", "template", "spec", "containers");
        return containers.get(0);
    }

    @Test
    void everyWriteIsAServerSideApplyByPlumbline() {
        TestCluster.reconcile(provider, production);

        assertThat(cluster.get("apps/v1", "Deployment", "frontend").getMetadata().getManagedFields())
                .anySatisfy(f -> {
                    assertThat(f.getManager()).isEqualTo("plumbline");
                    assertThat(f.getOperation()).isEqualTo("Apply");
                });
        assertThat(cluster.get("apps/v1", "Deployment", "frontend").getMetadata().getAnnotations())
                .doesNotContainKey("plumbline.io/applied-fields");
    }

    @Test
    void removingAProbeAndTheLimitsRemovesThemFromTheLiveObject() {
        TestCluster.reconcile(provider, production);
        LoadedEnvironment without = cluster.production("""
                          limits: {cpu: 70m, memory: 128M}
                        probes:
                          readiness: {http: /, initialDelay: 5s, period: 10s}
                          liveness: {http: /, initialDelay: 5s, period: 30s}
                """, """
                        probes:
                          readiness: {http: /, initialDelay: 5s, period: 10s}
                """, Revision.WORKING_TREE);

        TestCluster.Reconcile reconcile = TestCluster.reconcile(provider, without);

        assertThat(reconcile.plan().with(Action.UPDATE)).singleElement().satisfies(c -> assertThat(c.fields())
                .extracting(FieldChange::path).containsExactlyInAnyOrder(FRONTEND + ".livenessProbe",
                        FRONTEND + ".resources.limits"));
        assertThat(frontendContainer()).doesNotContainKey("livenessProbe").containsKey("readinessProbe");
        assertThat((Map<String, Object>) frontendContainer().get("resources")).doesNotContainKey("limits");
        assertThat(TestCluster.plan(provider, without).hasWrites()).isFalse();
    }

    @Test
    void aSecretWrittenWithStringDataSettles() {
        LoadedEnvironment withSecret = TestEnvironments.withManifests(production, cluster.here(TestEnvironments
                .documents("manifests/secret.yaml", """
                        apiVersion: v1
                        kind: Secret
                        metadata: {name: api-token, namespace: example}
                        stringData: {token: s3cr3t}
                        """)));
        TestCluster.reconcile(provider, withSecret);

        TestCluster.Reconcile second = TestCluster.reconcile(provider, withSecret);

        assertThat(second.plan().hasWrites()).isFalse();
        assertThat(second.results()).extracting(ObjectResult::result).containsOnly(Result.UNCHANGED);
    }

    @Test
    void anEntryAddedBySomeoneElseToAKeyedListIsTheirsAndThePlanSettles() {
        TestCluster.reconcile(provider, production);
        // the deployment controller writes the status meanwhile: an edit may meet a conflict and is tried again
        await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(KubernetesClientException.class)
                .until(() -> cluster.client.apps().deployments().inNamespace(cluster.namespace).withName("frontend")
                        .edit(d -> {
                            d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()
                                    .add(new io.fabric8.kubernetes.api.model.EnvVar("INJECTED", "x", null));
                            return d;
                        }) != null);

        assertThat(TestCluster.plan(provider, production).hasWrites()).isFalse();
        TestCluster.reconcile(provider, cluster.production("frontend:v1.4.2", "frontend:v1.5.0",
                Revision.WORKING_TREE));
        assertThat(frontendContainer().get("env").toString()).contains("INJECTED");
    }

    @Test
    void aDeclaredServerDefaultChangedByHandIsDriftAndGitWins() {
        LoadedEnvironment declaringDefault = cluster.production("pullPolicy: Always", "pullPolicy: IfNotPresent",
                Revision.WORKING_TREE);
        TestCluster.reconcile(provider, declaringDefault);
        // as kubectl edit does: an update, which moves the field to its manager
        await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(KubernetesClientException.class)
                .until(() -> cluster.client.apps().deployments().inNamespace(cluster.namespace).withName("frontend")
                        .edit(d -> {
                            d.getSpec().getTemplate().getSpec().getContainers().get(0).setImagePullPolicy("Always");
                            return d;
                        }) != null);

        TestCluster.Reconcile reconcile = TestCluster.reconcile(provider, declaringDefault);

        assertThat(reconcile.plan().with(Action.UPDATE)).singleElement().satisfies(c -> assertThat(c.fields())
                .containsExactly(new FieldChange(FRONTEND + ".imagePullPolicy", "IfNotPresent", "Always")));
        assertThat(frontendContainer().get("imagePullPolicy")).isEqualTo("IfNotPresent");
        assertThat(TestCluster.plan(provider, declaringDefault).hasWrites()).isFalse();
    }

    @Test
    void aTakeOverOfAnotherManagersFieldIsNamedInThePlanAndGitWins() {
        TestCluster.reconcile(provider, production);
        Deployment patch = cluster.client.getKubernetesSerialization().unmarshal("""
                {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "frontend"},
                 "spec": {"template": {"spec": {"containers": [{"name": "frontend-service",
                   "image": "example/hotfix:1"}]}}}}""", Deployment.class);
        cluster.client.apps().deployments().inNamespace(cluster.namespace).resource(patch)
                .fieldManager("someone-else").forceConflicts().serverSideApply();

        TestCluster.Reconcile reconcile = TestCluster.reconcile(provider, production);

        assertThat(reconcile.plan().with(Action.UPDATE)).singleElement().satisfies(c -> assertThat(c.note())
                .isEqualTo("take over `" + FRONTEND + ".image` from manager `someone-else`"));
        assertThat(frontendContainer().get("image").toString()).endsWith("frontend:v1.4.2");
    }

    @Test
    void replicasUnderAnAutoscalerAreLeftOutOfWhatIsApplied() {
        TestCluster.reconcile(provider, production);
        TestCluster.reconcile(provider, cluster.production("frontend:v1.4.2", "frontend:v1.5.0",
                Revision.WORKING_TREE));
        assertThat(replicas("frontend")).as("the declared initial count stays when Plumbline lets go of it")
                .isEqualTo(4);

        cluster.client.apps().deployments().inNamespace(cluster.namespace).withName("frontend").scale(6);

        assertThat(TestCluster.plan(provider, production).with(Action.UPDATE)).singleElement()
                .satisfies(c -> assertThat(c.fields()).extracting(FieldChange::path)
                        .containsExactly(FRONTEND + ".image"));
        TestCluster.reconcile(provider, production);
        assertThat(replicas("frontend")).isEqualTo(6);
    }

    private Integer replicas(String deployment) {
        return TestCluster.at(cluster.get("apps/v1", "Deployment", deployment), "spec", "replicas");
    }

    @Test
    void anUnknownKindIsInvalidInputNamingGroupVersionAndKind() {
        LoadedEnvironment withFrob = TestEnvironments.withManifests(production, TestEnvironments.documents(
                "manifests/frob.yaml", """
                        apiVersion: frobs.example.com/v1
                        kind: Frob
                        metadata: {name: one, namespace: %s}
                        """.formatted(cluster.namespace)));

        assertThatThrownBy(() -> TestCluster.reconcile(provider, withFrob)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("kind Frob of frobs.example.com/v1 (group frobs.example.com, version v1)");
        assertThat(provider.apiCalls().writes()).isZero();
    }

    @Test
    void aCustomResourceArrivesWithItsDefinitionInOneCommit() {
        String group = cluster.namespace + ".example.com";
        LoadedEnvironment withFrob = TestEnvironments.withManifests(production, TestEnvironments.documents(
                "manifests/frob.yaml", """
                        apiVersion: apiextensions.k8s.io/v1
                        kind: CustomResourceDefinition
                        metadata: {name: frobs.%1$s}
                        spec:
                          group: %1$s
                          scope: Namespaced
                          names: {kind: Frob, plural: frobs, singular: frob, listKind: FrobList}
                          versions:
                            - name: v1
                              served: true
                              storage: true
                              schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
                        ---
                        apiVersion: %1$s/v1
                        kind: Frob
                        metadata: {name: one, namespace: %2$s}
                        spec: {size: 3}
                        """.formatted(group, cluster.namespace)));
        try {
            assertThat(TestCluster.reconcile(provider, withFrob).results()).extracting(ObjectResult::result)
                    .containsOnly(Result.CREATED);
            assertThat(TestCluster.plan(provider, withFrob).hasWrites()).isFalse();
        } finally {
            cluster.client.apiextensions().v1().customResourceDefinitions().withName("frobs." + group).delete();
        }
    }

    @Test
    void oneRefusedObjectStopsTheReconcileBeforeAnythingChanges() {
        String settings = """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings, namespace: example}
                immutable: true
                data: {LOG_LEVEL: %s}
                """;
        TestCluster.reconcile(provider, TestEnvironments.withManifests(production,
                cluster.here(TestEnvironments.documents("manifests/settings.yaml", settings.formatted("info")))));
        LoadedEnvironment both = TestEnvironments.withManifests(cluster.production("frontend:v1.4.2",
                "frontend:v1.5.0", Revision.WORKING_TREE), cluster.here(
                TestEnvironments.documents("manifests/settings.yaml", settings.formatted("debug"))));

        assertThatThrownBy(() -> TestCluster.reconcile(provider, both)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("v1/ConfigMap " + cluster.namespace + "/settings: refused by the API server")
                .hasMessageContaining("HTTP 422");
        assertThat(frontendContainer().get("image").toString()).endsWith("frontend:v1.4.2");
    }

    @Test
    void anUnmarkedObjectWithADeclaredNameIsNotOverwrittenWithoutAdopt() {
        cluster.client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(cluster.namespace)
                .endMetadata().build()).create();
        cluster.client.configMaps().inNamespace(cluster.namespace).resource(new ConfigMapBuilder().withNewMetadata()
                .withName("aws-auth").endMetadata().addToData("mapRoles", "by hand").build()).create();
        String env = """
                apiVersion: plumbline/v1
                kind: Environment
                metadata: {name: production}
                spec:
                  kubernetes: {namespaces: [example]}
                """;
        List<io.plumbline.model.RawManifest> declared = TestEnvironments.documents("manifests/aws-auth.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: aws-auth, namespace: example}
                data: {mapRoles: from git}
                """);
        String trailer = "Plumbline-Adopt: Namespace " + cluster.namespace;

        LoadedEnvironment without = TestEnvironments.withRevision(cluster.of(env, declared),
                new Revision("c5", "main", trailer));
        TestCluster.Reconcile refused = TestCluster.reconcile(provider, without);

        assertThat(refused.plan().changes()).filteredOn(c -> c.key().name().equals("aws-auth")).singleElement()
                .satisfies(c -> {
                    assertThat(c.action()).isEqualTo(Action.ADOPT);
                    assertThat(c.note()).startsWith("exists without Plumbline's marks (adopt it with");
                });
        assertThat(refused.results()).filteredOn(r -> r.key().name().equals("aws-auth")).singleElement()
                .satisfies(r -> assertThat(r.result()).isEqualTo(Result.SKIPPED));
        assertThat(cluster.client.configMaps().inNamespace(cluster.namespace).withName("aws-auth").get().getData())
                .containsEntry("mapRoles", "by hand");

        LoadedEnvironment allowed = TestEnvironments.withRevision(cluster.of(env, declared), new Revision("c6",
                "main", trailer + "\nPlumbline-Adopt: ConfigMap " + cluster.namespace + "/aws-auth"));
        TestCluster.reconcile(provider, allowed);

        assertThat(cluster.client.configMaps().inNamespace(cluster.namespace).withName("aws-auth").get().getData())
                .containsEntry("mapRoles", "from git");
        assertThat(TestCluster.plan(provider, allowed).hasWrites()).isFalse();
    }
}
