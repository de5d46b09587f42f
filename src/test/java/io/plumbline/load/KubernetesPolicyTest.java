package io.plumbline.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.model.Revision;
import io.plumbline.source.DirectoryFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Raw manifests may write only what the environment's policy allows; the rest is refused at validate. */
class KubernetesPolicyTest {
    private static final String MANIFESTS = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings, namespace: example}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: defaulted}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: everyone-admin}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
            subjects: [{kind: Group, name: "system:authenticated", apiGroup: rbac.authorization.k8s.io}]
            ---
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: miner
              namespace: kube-system
            """;

    @TempDir
    Path repo;

    @Test
    void aClusterScopedKindOrAnotherNamespaceIsRefusedWithFileAndLine() throws Exception {
        LoadResult result = load("");

        assertThat(result.allProblems()).extracting(Object::toString).containsExactly(
                "manifests/all.yaml:10:7: /kind: cluster-scoped kind rbac.authorization.k8s.io/ClusterRoleBinding "
                        + "is not allowed in this environment; add {kind: rbac.authorization.k8s.io/ClusterRoleBinding}"
                        + " to spec.kubernetes.allow if it should be",
                "manifests/all.yaml:19:14: /kind: apps/DaemonSet in namespace 'kube-system' is outside this "
                        + "environment's namespaces [example]; add {namespace: kube-system, kind: apps/DaemonSet} to "
                        + "spec.kubernetes.allow if it should be");
    }

    @Test
    void explicitEntriesAllowThem() throws Exception {
        LoadResult result = load("""
                    allow:
                      - {kind: rbac.authorization.k8s.io/ClusterRoleBinding}
                      - {namespace: kube-system, kind: apps/DaemonSet}
                """);

        assertThat(result.allProblems()).isEmpty();
        assertThat(result.environments().get(0).manifests()).hasSize(4);
    }

    @Test
    void anEntryForOneKindDoesNotAllowAnotherThere() throws Exception {
        LoadResult result = load("""
                    allow:
                      - {kind: rbac.authorization.k8s.io/ClusterRole}
                      - {namespace: kube-system, kind: ConfigMap}
                """);

        assertThat(result.allProblems()).extracting(Object::toString).hasSize(2)
                .allMatch(p -> p.contains("ClusterRoleBinding") || p.contains("apps/DaemonSet"));
    }

    private LoadResult load(String allow) throws Exception {
        Files.createDirectories(repo.resolve("environments"));
        Files.createDirectories(repo.resolve("manifests"));
        Files.writeString(repo.resolve("manifests/all.yaml"), MANIFESTS);
        Files.writeString(repo.resolve("environments/production.yaml"), """
                apiVersion: plumbline/v1
                kind: Environment
                metadata: {name: production}
                spec:
                  kubernetes:
                    namespaces: [example]
                    manifests: [manifests]
                """ + allow);
        return new EnvironmentLoader().loadAll(new DirectoryFiles(repo, Revision.WORKING_TREE));
    }
}
