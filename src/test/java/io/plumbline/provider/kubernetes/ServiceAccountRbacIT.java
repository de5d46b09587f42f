package io.plumbline.provider.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.plumbline.cluster.ClusterSettings;
import io.plumbline.cluster.FleetReplica;
import io.plumbline.engine.plan.Pipeline;
import io.plumbline.metrics.Metrics;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.RawManifest;
import io.plumbline.model.Revision;
import io.plumbline.render.kubernetes.TestEnvironments;
import io.plumbline.testing.ControlPlane;
import io.plumbline.testing.Kustomize;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The service account of {@code deploy/kubernetes} may do what the service does, and each of its grants is used.
 * The RBAC objects are applied as rendered; the provider and a fleet replica then work as
 * {@code system:serviceaccount:plumbline:plumbline} with a token the API server issued for it, so its RBAC alone
 * authorizes them and the API server's audit log records every request they make: a full reconcile of the example
 * production environment (apply with its health wait, a fresh plan, pruning an application, a rollout that cannot
 * complete, retiring everything) and the fleet's Leases (taken, renewed, one deleted with its environment, handed
 * over, the member Lease deleted). Each (verb, resource) the ClusterRole and the Role give must appear in that log.
 * Beyond that, a few rights it must never have are asked of the API server directly.
 */
class ServiceAccountRbacIT {
    private static final String USER = "system:serviceaccount:plumbline:plumbline";
    private static final List<String> GROUPS = List.of("system:serviceaccounts", "system:serviceaccounts:plumbline",
            "system:authenticated");
    private static final ControlPlane PLANE = ControlPlane.shared();
    private static final KubernetesOptions OPTIONS = KubernetesOptions.DEFAULT.withWatch(true)
            .withHealthTimeout(Duration.ofSeconds(90)).withPollInterval(Duration.ofMillis(250));
    private static List<Map<String, Object>> rbac;

    private final TestCluster cluster = new TestCluster();

    @BeforeAll
    static void applyTheRenderedRbac() throws Exception {
        List<String> kinds = List.of("Namespace", "ServiceAccount", "Role", "RoleBinding", "ClusterRole",
                "ClusterRoleBinding");
        rbac = Kustomize.render(PLANE, Path.of("deploy/kubernetes/overlays/fleet")).stream()
                .filter(o -> kinds.contains(o.get("kind"))).toList();
        assertThat(rbac).hasSize(kinds.size());
        Kustomize.kubectl(PLANE, new Yaml().dumpAll(rbac.iterator()), "apply", "--server-side", "-f", "-");
    }

    @Test
    void aFullReconcileAndTheFleetsLeasesWorkAsTheServiceAccountAndUseEachGrantItHas(@TempDir Path state)
            throws Exception {
        int before = RbacGrants.log(PLANE.auditLog()).size();
        Path kubeconfig = PLANE.kubeconfigAs("plumbline", "plumbline");

        reconcileCompletely(kubeconfig);
        takeRenewAndHandOverLeases(kubeconfig, state);

        List<String> log = await("the audit log written").atMost(Duration.ofSeconds(10))
                .until(() -> RbacGrants.log(PLANE.auditLog()), lines -> lines.size() > before);
        List<String> since = log.subList(before, log.size());
        assertThat(RbacGrants.refused(since, USER)).as("requests refused to the service account").isEmpty();
        assertThat(RbacGrants.used(since, USER)).as("grants the service account used")
                .containsAll(RbacGrants.given(rbac));
    }

    private void reconcileCompletely(Path kubeconfig) throws Exception {
        String file = Files.readString(Path.of("example-repo/environments/production.yaml"));
        List<RawManifest> manifests = TestEnvironments.manifests(Path.of("example-repo/manifests/production"));
        String withoutUsers = file.replace(file.substring(file.indexOf("      - name: users-backend"),
                file.indexOf("    manifests:")), "");
        try (KubernetesClient asServiceAccount = connect(kubeconfig);
             KubernetesProvider provider = new KubernetesProvider(asServiceAccount, OPTIONS);
             KubernetesProvider impatient = new KubernetesProvider(asServiceAccount,
                     OPTIONS.withHealthTimeout(Duration.ofSeconds(5)))) {
            Pipeline pipeline = new Pipeline(List.of(provider));
            converge(pipeline, cluster.production());
            converge(pipeline, TestEnvironments.withRevision(cluster.of(withoutUsers, manifests),
                    new Revision("c2", "main", "Retire users-backend\n\nPlumbline-Allow-Deletes: 3\n")));

            // No new pod may start: the new frontend's rollout stalls, and the reason is looked for in its pods
            // and then its ReplicaSets.
            cluster.client.resourceQuotas().inNamespace(cluster.namespace).resource(new ResourceQuotaBuilder()
                    .withNewMetadata().withName("no-new-pods").endMetadata().withNewSpec()
                    .addToHard("pods", new Quantity("0")).endSpec().build()).create();
            Pipeline stalled = new Pipeline(List.of(impatient));
            LoadedEnvironment newImage = cluster.of(withoutUsers.replace("frontend:v1.4.2", "frontend:v1.4.3"),
                    manifests);
            assertThat(stalled.apply(newImage, stalled.plan(newImage)).error())
                    .contains("replica set cannot create pods").contains("quota");

            LoadedEnvironment retired = cluster.retired(new Revision("c4", "main",
                    "Retire all\n\nPlumbline-Allow-Deletes: 11\n"));
            assertThat(pipeline.apply(retired, pipeline.plan(retired)).error()).isEmpty();
            // The account may not list Secrets (nor most kinds), so it cannot tell the namespace holds nothing of
            // anyone else's: emptied of what the environment owned, the namespace is kept and the plan says why.
            assertThat(pipeline.plan(retired)).allSatisfy(p -> {
                assertThat(p.changes().hasWrites()).isFalse();
                assertThat(p.changes().changes()).filteredOn(c -> c.key().kind().equals("v1/Namespace"))
                        .singleElement().satisfies(c -> assertThat(c.note())
                                .contains("Plumbline cannot list what it holds of ", "Secret (not allowed)"));
            });
        }
    }

    private static void converge(Pipeline pipeline, LoadedEnvironment env) {
        assertThat(pipeline.apply(env, pipeline.plan(env)).error()).isEmpty();
        assertThat(pipeline.plan(env)).noneMatch(p -> p.changes().hasWrites());
    }

    /** One replica of a fleet, in the service account's namespace: two environments, then one; then it stops. */
    private void takeRenewAndHandOverLeases(Path kubeconfig, Path state) {
        List<String> environments = List.of(cluster.environment + "-a", cluster.environment + "-b");
        var leases = PLANE.client().resources(Lease.class).inNamespace("plumbline");
        try (FleetReplica replica = new FleetReplica("plumbline-0", kubeconfig, new ClusterSettings("plumbline",
                "plumbline-0", Duration.ofSeconds(4), Duration.ofMillis(2700), Duration.ofMillis(400)),
                new ConcurrentHashMap<>(), new CopyOnWriteArrayList<>(), new Metrics() {
                }, state)) {
            replica.start();
            replica.handOver(FleetReplica.commit(1, environments));
            await("both environments held").atMost(Duration.ofSeconds(30))
                    .until(() -> environments.stream().allMatch(replica.coordinator::owns));
            replica.handOver(FleetReplica.commit(2, environments.subList(0, 1)));
            await("the Lease of the environment gone deleted").atMost(Duration.ofSeconds(30))
                    .until(() -> leases.withName("plumbline-env-" + environments.get(1)).get() == null);
        }
        assertThat(leases.withName("plumbline-env-" + environments.get(0)).get().getSpec().getHolderIdentity())
                .as("handed over at the stop").isNull();
        assertThat(leases.withName("plumbline-member-plumbline-0").get()).isNull();
    }

    @Test
    void itKeepsItsLeasesInItsOwnNamespaceOnly() {
        for (String verb : List.of("list", "create", "update", "delete")) {
            assertThat(allowed(verb, "coordination.k8s.io", "leases", "", "plumbline")).as(verb).isTrue();
            assertThat(allowed(verb, "coordination.k8s.io", "leases", "", "kube-system")).as(verb).isFalse();
            assertThat(allowed(verb, "coordination.k8s.io", "leases", "", cluster.namespace)).as(verb).isFalse();
        }
    }

    @Test
    void itMayNeverReadSecretsRunCodeOrGrantItselfMore() {
        String ns = cluster.namespace;
        assertThat(allowed("get", "", "secrets", "", ns)).isFalse();
        assertThat(allowed("list", "", "secrets", "", "plumbline")).isFalse();
        assertThat(allowed("create", "", "pods", "", ns)).isFalse();
        assertThat(allowed("create", "", "pods", "exec", ns)).isFalse();
        assertThat(allowed("get", "", "pods", "", ns)).isFalse();
        assertThat(allowed("create", "", "configmaps", "", ns)).isFalse();
        assertThat(allowed("update", "apps", "deployments", "", ns)).isFalse();
        assertThat(allowed("patch", "apps", "deployments", "scale", ns)).isFalse();
        assertThat(allowed("create", "", "serviceaccounts", "token", "plumbline")).isFalse();
        assertThat(allowed("create", "rbac.authorization.k8s.io", "clusterrolebindings", "", "")).isFalse();
        assertThat(allowed("create", "rbac.authorization.k8s.io", "roles", "", ns)).isFalse();
        assertThat(allowed("escalate", "rbac.authorization.k8s.io", "clusterroles", "", "")).isFalse();
        assertThat(allowed("impersonate", "", "users", "", "")).isFalse();
        assertThat(allowed("list", "", "nodes", "", "")).isFalse();
        assertThat(allowed("create", "apiextensions.k8s.io", "customresourcedefinitions", "", "")).isFalse();
    }

    private static KubernetesClient connect(Path kubeconfig) throws Exception {
        return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(null, Files.readString(kubeconfig),
                kubeconfig.toString())).build();
    }

    private static boolean allowed(String verb, String group, String resource, String subresource, String namespace) {
        SubjectAccessReview review = PLANE.client().authorization().v1().subjectAccessReview().create(
                new SubjectAccessReviewBuilder().withNewSpec().withUser(USER).withGroups(GROUPS)
                        .withNewResourceAttributes().withVerb(verb).withGroup(group).withResource(resource)
                        .withSubresource(subresource).withNamespace(namespace).endResourceAttributes().endSpec()
                        .build());
        return review.getStatus().getAllowed();
    }
}
