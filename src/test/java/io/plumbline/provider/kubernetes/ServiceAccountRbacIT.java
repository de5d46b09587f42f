package io.plumbline.provider.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.plumbline.engine.Pipeline;
import io.plumbline.engine.ProviderPlan;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Revision;
import io.plumbline.testing.ControlPlane;
import io.plumbline.testing.Kustomize;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The service account of {@code deploy/kubernetes} may do what the service does with the example production
 * environment — a full reconcile (first apply with its health wait, a fresh plan, pruning an application) with the
 * watches the service keeps, and its Leases — and nothing else asked here: no Secrets, no exec, no RBAC of its own
 * making, no Leases outside its namespace. The RBAC objects are applied as rendered; the provider then works as
 * {@code system:serviceaccount:plumbline:plumbline}, impersonated.
 */
class ServiceAccountRbacIT {
    private static final String USER = "system:serviceaccount:plumbline:plumbline";
    private static final List<String> GROUPS = List.of("system:serviceaccounts", "system:serviceaccounts:plumbline",
            "system:authenticated");
    private static final ControlPlane PLANE = ControlPlane.shared();

    private final TestCluster cluster = new TestCluster();

    @BeforeAll
    static void applyTheRenderedRbac() throws Exception {
        List<String> kinds = List.of("Namespace", "ServiceAccount", "Role", "RoleBinding", "ClusterRole",
                "ClusterRoleBinding");
        List<Map<String, Object>> rbac = Kustomize.render(PLANE, Path.of("deploy/kubernetes/overlays/fleet"))
                .stream().filter(o -> kinds.contains(o.get("kind"))).toList();
        assertThat(rbac).hasSize(kinds.size());
        Kustomize.kubectl(PLANE, new Yaml().dumpAll(rbac.iterator()), "apply", "--server-side", "-f", "-");
    }

    @Test
    void aFullReconcileOfTheExampleEnvironmentWorksAsTheServiceAccount() throws Exception {
        try (KubernetesClient asServiceAccount = impersonating();
             KubernetesProvider provider = new KubernetesProvider(asServiceAccount, KubernetesOptions.DEFAULT
                     .withWatch(true).withHealthTimeout(Duration.ofSeconds(90))
                     .withPollInterval(Duration.ofMillis(250)))) {
            Pipeline pipeline = new Pipeline(List.of(provider));
            LoadedEnvironment production = cluster.production();
            assertThat(pipeline.apply(production, pipeline.plan(production)).error()).isEmpty();
            assertThat(pipeline.plan(production)).noneMatch(p -> p.changes().hasWrites());

            String file = Files.readString(Path.of("example-repo/environments/production.yaml"));
            String usersApp = file.substring(file.indexOf("      - name: users-backend"), file.indexOf("    manifests:"));
            LoadedEnvironment pruned = cluster.production(usersApp, "",
                    new Revision("c2", "main", "Retire users-backend\n\nPlumbline-Allow-Deletes: 3\n"));
            List<ProviderPlan> plan = pipeline.plan(pruned);
            assertThat(plan).anyMatch(p -> p.changes().hasWrites());
            assertThat(pipeline.apply(pruned, plan).error()).isEmpty();
            assertThat(pipeline.plan(pruned)).noneMatch(p -> p.changes().hasWrites());
        }
    }

    @Test
    void itKeepsItsLeasesInItsOwnNamespaceOnly() {
        for (String verb : List.of("get", "list", "create", "update", "delete")) {
            assertThat(allowed(verb, "coordination.k8s.io", "leases", "", "plumbline")).as(verb).isTrue();
            assertThat(allowed(verb, "coordination.k8s.io", "leases", "", "kube-system")).as(verb).isFalse();
            assertThat(allowed(verb, "coordination.k8s.io", "leases", "", cluster.namespace)).as(verb).isFalse();
        }
    }

    @Test
    void itMayDoNothingTheReconcileDoesNotNeed() {
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

    private static KubernetesClient impersonating() throws Exception {
        Path kubeconfig = PLANE.kubeconfig();
        Config config = Config.fromKubeconfig(null, Files.readString(kubeconfig), kubeconfig.toString());
        config.setImpersonateUsername(USER);
        config.setImpersonateGroups(GROUPS.toArray(String[]::new));
        return new KubernetesClientBuilder().withConfig(config).build();
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
