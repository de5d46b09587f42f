package io.plumbline.provider.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.ObjectResult;
import io.plumbline.model.RawManifest;
import io.plumbline.model.Resource;
import io.plumbline.model.Revision;
import io.plumbline.render.kubernetes.Nodes;
import io.plumbline.render.kubernetes.TestEnvironments;
import io.plumbline.testing.ControlPlane;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One test's share of the real control plane: its own namespace (in place of the example's {@code example})
 * and its own environment name (in place of {@code production}), so tests sharing the plane never see, prune or
 * adopt each other's objects. Namespaces are left in place when a test ends: deleting them all would keep the
 * controllers busy while the next tests wait for their rollouts, and the plane goes with the JVM.
 */
final class TestCluster {
    final KubernetesClient client = ControlPlane.shared().client();
    final String namespace = ControlPlane.uniqueNamespace();
    final String environment = "env-" + namespace;

    KubernetesProvider provider(KubernetesOptions options) {
        return new KubernetesProvider(client, options);
    }

    /** One reconcile as the engine runs it: render, observe, diff, apply. */
    record Reconcile(ChangeSet plan, List<ObjectResult> results) {
    }

    static Reconcile reconcile(KubernetesProvider provider, LoadedEnvironment env) {
        List<Resource> desired = provider.render(env);
        ChangeSet plan = provider.diff(env, desired, provider.observe(env, desired));
        return new Reconcile(plan, provider.apply(env, plan));
    }

    static ChangeSet plan(KubernetesProvider provider, LoadedEnvironment env) {
        List<Resource> desired = provider.render(env);
        return provider.diff(env, desired, provider.observe(env, desired));
    }

    /** The example production environment and its manifests, moved to this test's namespace. */
    LoadedEnvironment production() {
        return production("", "", Revision.WORKING_TREE);
    }

    LoadedEnvironment production(String from, String to, Revision revision) {
        try {
            String yaml = Files.readString(Path.of("example-repo/environments/production.yaml"));
            return TestEnvironments.withRevision(of(from.isEmpty() ? yaml : yaml.replace(from, to),
                    TestEnvironments.manifests(Path.of("example-repo/manifests/production"))), revision);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The environment with every Kubernetes object it had retired: prune on, no namespaces, nothing declared. */
    LoadedEnvironment retired(Revision revision) {
        return TestEnvironments.withRevision(of("""
                apiVersion: plumbline/v1
                kind: Environment
                metadata: {name: production}
                spec:
                  sync: {prune: true}
                  kubernetes: {namespaces: []}
                """, List.of()), revision);
    }

    /** An environment file pruning in namespace {@code example}; {@code more} goes on, under {@code kubernetes:}. */
    static String pruning(String more) {
        return """
                apiVersion: plumbline/v1
                kind: Environment
                metadata: {name: production}
                spec:
                  sync: {prune: true}
                  kubernetes:
                    namespaces: [example]
                """ + more;
    }

    /** An environment file and manifests written for namespace {@code example} and environment {@code production}. */
    LoadedEnvironment of(String yaml, List<RawManifest> manifests) {
        String here = yaml.replace("namespace: example", "namespace: " + namespace)
                .replace("namespaces: [example", "namespaces: [" + namespace)
                .replace("metadata: {name: production}", "metadata: {name: " + environment + "}")
                .replace("metadata:\n  name: production", "metadata:\n  name: " + environment);
        return TestEnvironments.of("environments/production.yaml", here, manifests.stream().map(this::moved).toList());
    }

    /** Manifests written for namespace {@code example}, moved to this test's namespace. */
    List<RawManifest> here(List<RawManifest> manifests) {
        return manifests.stream().map(this::moved).toList();
    }

    private RawManifest moved(RawManifest manifest) {
        Map<String, Object> object = Nodes.copy(manifest.object());
        if ("example".equals(Nodes.at(object, "metadata", "namespace"))) {
            Nodes.child(object, "metadata").put("namespace", namespace);
        }
        return new RawManifest(manifest.file(), manifest.line(), object);
    }

    GenericKubernetesResource get(String apiVersion, String kind, String name) {
        return client.genericKubernetesResources(apiVersion, kind).inNamespace(namespace).withName(name).get();
    }

    @SuppressWarnings("unchecked")
    static <T> T at(GenericKubernetesResource object, String... path) {
        Map<String, Object> body = object.getAdditionalProperties();
        return (T) Nodes.at(body, path);
    }
}
