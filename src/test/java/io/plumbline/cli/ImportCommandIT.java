package io.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.plumbline.testing.ControlPlane;
import io.plumbline.testing.HandMadeObjects;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The round trip on the real control plane with objects made by hand: {@code plumbline import} reads a namespace as a
 * read-only service account (the audit log shows no write), writes no secret value, refuses to overwrite its file;
 * the first plan only adopts; the apply changes no object's spec or generation and starts no rollout; the next plan
 * is empty.
 */
class ImportCommandIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ControlPlane plane = ControlPlane.shared();
    private final KubernetesClient kube = plane.client();
    private final String namespace = ControlPlane.uniqueNamespace();
    private final String environment = "imported-" + namespace;
    private final StringWriter out = new StringWriter();

    @TempDir
    Path repo;

    private int run(String... args) {
        out.getBuffer().setLength(0);
        return Main.run(new PrintWriter(out, true), new PrintWriter(out, true), args);
    }

    @Test
    void handMadeObjectsAreImportedReadingOnlyAndAdoptedWithoutAChange() throws Exception {
        HandMadeObjects.create(kube, namespace);
        Path readOnly = HandMadeObjects.readOnlyServiceAccount(plane, namespace);
        String file = "environments/" + environment + ".yaml";

        assertThat(run("import", "--name", environment, "--namespace", namespace, "--repo", repo.toString(),
                "--kubeconfig", readOnly.toString())).as(out.toString()).isEqualTo(Main.OK);
        assertThat(writesBy("system:serviceaccount:" + namespace + "-ro:importer")).as("writes by the import")
                .isEmpty();
        assertThat(out.toString()).contains("kubernetes Deployment: 1", "kubernetes Service: 1",
                "Secret " + namespace + "/db-password: a Secret (Opaque): its value is never written");
        try (Stream<Path> files = Files.walk(repo)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(p)).doesNotContain("hunter2", "aHVudGVyMg==");
            }
        }
        assertThat(Files.readString(repo.resolve("manifests/" + environment + "/" + namespace + "/deployment-web.yaml")))
                .contains("plumbline.io/adopt: \"true\"", "uid ").doesNotContain("resourceVersion", "managedFields",
                        "status:", "clusterIP");

        Map<String, String> before = versions();
        String replicaSet = kube.apps().replicaSets().inNamespace(namespace).list().getItems().get(0).getMetadata()
                .getName();
        assertThat(run("plan", "--repo", repo.toString(), "--env", environment, "--kubeconfig",
                plane.kubeconfig().toString(), "--output", "json")).as(out.toString()).isEqualTo(Main.OK);
        assertThat(PlanCounts.beyondMarks(out.toString())).as("changes beyond adoption").isEmpty();
        assertThat(PlanCounts.writes(out.toString())).as("adoptions").isEqualTo(6);
        assertThat(run("apply", "--repo", repo.toString(), "--env", environment, "--kubeconfig",
                plane.kubeconfig().toString())).as(out.toString()).isEqualTo(Main.OK);
        Map<String, String> after = versions();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((object, state) -> assertThat(after.get(object)).as(object).isEqualTo(state));
        // the same ReplicaSet, alone: no rollout
        assertThat(kube.apps().replicaSets().inNamespace(namespace).list().getItems()).extracting(r -> r.getMetadata()
                .getName()).containsExactly(replicaSet);
        assertThat(run("plan", "--repo", repo.toString(), "--env", environment, "--kubeconfig",
                plane.kubeconfig().toString(), "--detailed-exitcode")).as(out.toString()).isEqualTo(Main.OK);

        String written = Files.readString(repo.resolve(file));
        assertThat(run("import", "--name", environment, "--namespace", namespace, "--repo", repo.toString(),
                "--kubeconfig", readOnly.toString())).as(out.toString()).isEqualTo(Main.INVALID);
        assertThat(out.toString()).contains(file + " exists already; import overwrites nothing without --force");
        assertThat(Files.readString(repo.resolve(file))).isEqualTo(written);
    }

    /** The audit log's write requests ({@code create}, {@code update}, {@code patch}, {@code delete}) by a user. */
    private List<String> writesBy(String user) throws Exception {
        List<String> writes = new ArrayList<>();
        Path log = plane.auditLog();
        for (String line : Files.exists(log) ? Files.readAllLines(log) : List.<String>of()) {
            JsonNode event = JSON.readTree(line);
            if (user.equals(event.path("user").path("username").asText())
                    && List.of("create", "update", "patch", "delete", "deletecollection")
                    .contains(event.path("verb").asText())) {
                writes.add(event.path("verb").asText() + " " + event.path("requestURI").asText());
            }
        }
        assertThat(Files.readAllLines(log).stream().filter(l -> l.contains(user)).count())
                .as("reads by the import recorded").isPositive();
        return writes;
    }

    /**
     * Each hand-made object's generation and spec (or data): what must not change when it is adopted. A Deployment's
     * generation is left out: the API server counts a change of its annotations (the environment mark) as a new
     * generation, though its spec, and so its pods, stay as they are.
     */
    private Map<String, String> versions() {
        Map<String, String> out = new TreeMap<>();
        for (String kind : List.of("apps/v1/Deployment", "v1/Service", "networking.k8s.io/v1/Ingress",
                "autoscaling/v2/HorizontalPodAutoscaler", "v1/ConfigMap")) {
            int slash = kind.lastIndexOf('/');
            for (GenericKubernetesResource o : kube.genericKubernetesResources(kind.substring(0, slash),
                    kind.substring(slash + 1)).inNamespace(namespace).list().getItems()) {
                Map<String, Object> props = o.getAdditionalProperties();
                Object generation = kind.endsWith("/Deployment") ? "" : o.getMetadata().getGeneration();
                out.put(kind + " " + o.getMetadata().getName(), generation + " " + props.get("spec") + " "
                        + props.get("data"));
            }
        }
        return out;
    }
}
