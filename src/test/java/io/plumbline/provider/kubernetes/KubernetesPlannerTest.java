package io.plumbline.provider.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.diff.DeletionGuard;
import io.plumbline.model.Action;
import io.plumbline.model.Change;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.FieldChange;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Resource;
import io.plumbline.render.kubernetes.KubernetesKeys;
import io.plumbline.render.kubernetes.Nodes;
import io.plumbline.render.kubernetes.TestEnvironments;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KubernetesPlannerTest {
    private final KubernetesPlanner planner = new KubernetesPlanner("plumbline");

    private static LoadedEnvironment env(boolean prune) {
        return TestEnvironments.of("env.yaml", """
                apiVersion: plumbline/v1
                kind: Environment
                metadata: {name: production}
                spec:
                  sync: {prune: %s, maxDeletePercent: 50}
                  kubernetes: {namespaces: [example]}
                """.formatted(prune), List.of());
    }

    private static Resource resource(Map<String, Object> body, boolean owned) {
        return new Resource(KubernetesKeys.of(body), body, owned);
    }

    private static List<Resource> fixture(String name, int index) {
        return List.of(resource(TestEnvironments.fixture("diff/" + name).get(index), true));
    }

    private Change only(ChangeSet plan) {
        assertThat(plan.changes()).hasSize(1);
        return plan.changes().get(0);
    }

    @Test
    void serverFieldsDefaultsAndQuantitySpellingsAreNoDifference() {
        Change c = only(planner.plan(env(true), fixture("normalised.yaml", 0), fixture("normalised.yaml", 1)));

        assertThat(c.fields()).isEmpty();
        assertThat(c.action()).isEqualTo(Action.NOOP);
    }

    @Test
    void anUpdateListsEachChangedFieldIncludingOnesNoLongerDeclared() {
        Change c = only(planner.plan(env(true), fixture("changed.yaml", 0), fixture("changed.yaml", 1)));

        assertThat(c.action()).isEqualTo(Action.UPDATE);
        assertThat(c.fields()).containsExactlyInAnyOrder(
                new FieldChange("spec.replicas", 4, 7),
                new FieldChange("spec.template.spec.containers[name=frontend].image", "example/frontend:v2", "example/frontend:v1"),
                new FieldChange("metadata.labels.team", null, "web"));
    }

    @Test
    void replicasOfADeploymentUnderAnAutoscalerAreTheAutoscalers() {
        Map<String, Object> hpa = Map.of("apiVersion", "autoscaling/v2", "kind", "HorizontalPodAutoscaler",
                "metadata", Map.of("name", "frontend", "namespace", "example"),
                "spec", Map.of("scaleTargetRef", Map.of("apiVersion", "apps/v1", "kind", "Deployment", "name", "frontend")));
        List<Resource> desired = List.of(fixture("changed.yaml", 0).get(0), resource(hpa, true));
        List<Resource> actual = List.of(fixture("changed.yaml", 1).get(0), resource(hpa, true));

        Change deployment = planner.plan(env(true), desired, actual).changes().get(0);

        assertThat(deployment.fields()).extracting(FieldChange::path).doesNotContain("spec.replicas");
        assertThat(deployment.note()).contains("HorizontalPodAutoscaler");
        assertThat(KubernetesPlanner.applied(deployment.desired().body(), true, true).get("spec"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).doesNotContainKey("replicas");
    }

    @Test
    void aSecretsValuesNeverAppearInAPlan() {
        Map<String, Object> wanted = Map.of("apiVersion", "v1", "kind", "Secret",
                "metadata", Map.of("name", "db", "namespace", "example"), "data", Map.of("password", "bmV3"));
        Map<String, Object> found = Map.of("apiVersion", "v1", "kind", "Secret",
                "metadata", Map.of("name", "db", "namespace", "example"), "data", Map.of("password", "b2xk"));

        Change c = only(planner.plan(env(true), List.of(resource(wanted, true)), List.of(resource(found, true))));

        assertThat(c.fields()).containsExactly(new FieldChange("data.password", "(redacted)", "(redacted)"));
    }

    @Test
    void onlyOwnedUndeclaredObjectsArePrunedAndOnlyWhenPruningIsOn() {
        List<Resource> desired = fixture("normalised.yaml", 0);
        Resource ours = resource(Map.of("apiVersion", "v1", "kind", "ConfigMap",
                "metadata", Map.of("name", "old", "namespace", "example")), true);
        Resource theirs = resource(Map.of("apiVersion", "v1", "kind", "ConfigMap",
                "metadata", Map.of("name", "theirs", "namespace", "example")), false);
        List<Resource> actual = List.of(fixture("normalised.yaml", 1).get(0), ours, theirs);

        ChangeSet pruning = planner.plan(env(true), desired, actual);
        ChangeSet keeping = planner.plan(env(false), desired, actual);

        assertThat(pruning.changes()).extracting(Change::action)
                .containsExactly(Action.NOOP, Action.DELETE, Action.ORPHAN);
        assertThat(keeping.changes()).extracting(Change::action)
                .containsExactly(Action.NOOP, Action.ORPHAN, Action.ORPHAN);
    }

    @Test
    void anEmptyDesiredStateIsPlannedInFullAndItsDeletionsRefusedNamingTheCount() {
        List<Resource> actual = fixture("normalised.yaml", 1);
        LoadedEnvironment env = env(true);

        ChangeSet plan = planner.plan(env, List.of(), actual);

        assertThat(plan.with(Action.DELETE)).hasSize(1);
        DeletionGuard.Verdict verdict = DeletionGuard.verdict(KubernetesKeys.PROVIDER, plan, 20, env.revision());
        assertThat(verdict.refused()).isTrue();
        assertThat(verdict.reason()).contains("refusing to delete 1 of 1 owned objects");
    }

    @Test
    void theNormaliserDropsWhatTheServerSets() {
        Map<String, Object> normal = new KubernetesNormaliser().apply(TestEnvironments.fixture("diff/normalised.yaml").get(1));

        assertThat(normal).doesNotContainKey("status");
        assertThat((Map<String, Object>) normal.get("metadata"))
                .doesNotContainKeys("uid", "resourceVersion", "generation", "creationTimestamp", "managedFields");
    }

    @Test
    void theNormaliserReadsAWatchCacheTreeWithoutChangingIt() {
        Map<String, Object> live = TestEnvironments.fixture("diff/normalised.yaml").get(1);
        Map<String, Object> shared = Nodes.readOnly(Nodes.copy(live));

        assertThat(new KubernetesNormaliser().apply(shared)).isEqualTo(new KubernetesNormaliser().apply(live));
        assertThat(shared).isEqualTo(live);
    }

    @Test
    void quantitiesHaveOneSpelling() {
        assertThat(Quantity.canonical("1000m")).isEqualTo(Quantity.canonical("1")).isEqualTo(Quantity.canonical(1));
        assertThat(Quantity.canonical("64M")).isEqualTo(Quantity.canonical("64000000"));
        assertThat(Quantity.canonical("128Mi")).isEqualTo("134217728");
        assertThat(Quantity.canonical("60m")).isEqualTo("0.06");
        assertThat(Quantity.canonical("1e3")).isEqualTo("1000");
        assertThat(Quantity.canonical("fast")).isEqualTo("fast");
    }

    @Test
    void aDefaultTheFileDeclaresIsComparedAsDeclaredSoAHandEditIsDrift() {
        Change c = only(planner.plan(env(true), defaults(0), defaults(1)));

        assertThat(c.action()).isEqualTo(Action.UPDATE);
        assertThat(c.fields()).containsExactly(new FieldChange(
                "spec.template.spec.containers[name=frontend].imagePullPolicy", "IfNotPresent", "Always"));
    }

    @Test
    void aDefaultTheFileStopsDeclaringIsNoRemovalWhileTheServerHoldsIt() {
        Change c = only(planner.plan(env(true), defaults(2), defaults(3)));

        assertThat(c.fields()).isEmpty();
        assertThat(c.action()).isEqualTo(Action.NOOP);
    }

    @Test
    void aValueTheFileStopsDeclaringIsARemovalWhenItIsNotTheDefault() {
        Change c = only(planner.plan(env(true), defaults(2), defaults(4)));

        assertThat(c.action()).isEqualTo(Action.UPDATE);
        assertThat(c.fields()).containsExactly(new FieldChange(
                "spec.template.spec.containers[name=frontend].imagePullPolicy", null, "Always"));
    }

    private static List<Resource> defaults(int index) {
        return fixture("defaults.yaml", index);
    }

    @Test
    void theDefaultPullPolicyDependsOnTheTag() {
        assertThat(ServerDefaults.pullPolicy("example/frontend:v1")).isEqualTo("IfNotPresent");
        assertThat(ServerDefaults.pullPolicy("example/frontend")).isEqualTo("Always");
        assertThat(ServerDefaults.pullPolicy("registry:5000/frontend")).isEqualTo("Always");
        assertThat(ServerDefaults.pullPolicy("example/frontend:latest")).isEqualTo("Always");
        assertThat(ServerDefaults.pullPolicy("example/frontend@sha256:ab")).isEqualTo("IfNotPresent");
    }
}
