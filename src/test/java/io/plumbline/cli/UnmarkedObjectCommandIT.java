package io.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.plumbline.testing.ControlPlane;
import io.plumbline.testing.TestRepo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A declared Kubernetes object that exists without the marks, not adopted, is a difference: plan and apply say so. */
class UnmarkedObjectCommandIT {
    private final ControlPlane plane = ControlPlane.shared();
    private final String namespace = ControlPlane.uniqueNamespace();
    private final String environment = "env-" + namespace;
    private final StringWriter out = new StringWriter();

    private int run(TestRepo repo, String command, String... more) {
        out.getBuffer().setLength(0);
        String[] common = {command, "--repo", repo.dir().toString(), "--env", environment,
            "--kubeconfig", plane.kubeconfig().toString()};
        String[] all = new String[common.length + more.length];
        System.arraycopy(common, 0, all, 0, common.length);
        System.arraycopy(more, 0, all, common.length, more.length);
        return Main.run(new PrintWriter(out, true), new PrintWriter(out, true), all);
    }

    private String file(String manifests) {
        return """
                apiVersion: plumbline/v1
                kind: Environment
                metadata: {name: %s}
                spec:
                  sync: {prune: true}
                  kubernetes:
                    namespaces: [%s]
                %s
                """.formatted(environment, namespace, manifests);
    }

    @Test
    void aDeclaredObjectFoundWithoutTheMarksIsCountedByThePlanAndApplyIsNotConverged(@TempDir Path tmp) {
        try (TestRepo repo = TestRepo.withFiles(tmp, Map.of("environments/" + environment + ".yaml", file("")))) {
            assertThat(run(repo, "apply")).as(out.toString()).isEqualTo(Main.OK);
            plane.client().configMaps().inNamespace(namespace).resource(new ConfigMapBuilder().withNewMetadata()
                    .withName("settings").endMetadata().withData(Map.of("LOG_LEVEL", "by hand")).build()).create();
            repo.write("manifests/settings.yaml", """
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: settings, namespace: %s}
                    data: {LOG_LEVEL: info}
                    """.formatted(namespace));
            repo.write("environments/" + environment + ".yaml", file("    manifests: [manifests]"));
            repo.commitAll("Declare the settings");

            assertThat(run(repo, "apply")).as(out.toString()).isEqualTo(Main.FAILURE);
            assertThat(out.toString()).contains("not converged: kubernetes v1/ConfigMap " + namespace
                    + "/settings exists without Plumbline's marks (adopt it with");

            // all else applied, the object without the marks is the one difference left, and it counts
            assertThat(run(repo, "plan", "--detailed-exitcode")).as(out.toString()).isEqualTo(Main.CHANGES);
            assertThat(out.toString()).contains("@ v1/ConfigMap " + namespace + "/settings",
                    "Plan: 0 to create, 0 to update, 0 to delete, 1 unchanged, 0 not declared and kept, "
                            + "1 exist without Plumbline's marks.");
            assertThat(plane.client().configMaps().inNamespace(namespace).withName("settings").get().getData())
                    .containsEntry("LOG_LEVEL", "by hand");
        }
    }
}
