package io.plumbline.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.plumbline.metrics.Metrics;
import io.plumbline.model.Outcome;
import io.plumbline.model.RepoFiles;
import io.plumbline.model.Revision;
import io.plumbline.provider.haproxy.HaproxyTestbed;
import io.plumbline.testing.ControlPlane;
import io.plumbline.testing.MemoryFiles;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replica of a fleet loses its environment in the middle of an apply to a real HAProxy: its Lease lives on the
 * real API server, and the apply is held inside the provider by a real drain (a request the test keeps open on the
 * server being drained) while the replica is cut off from the API server past its renew deadline. What the commit
 * asks after the drain is never written, and the outcome says why.
 */
class FleetFenceIT {
    private static final String ENV = "edge";

    private final ControlPlane plane = ControlPlane.shared();
    private final String namespace = ControlPlane.uniqueNamespace();
    private final List<FleetReplica.Run> timeline = new CopyOnWriteArrayList<>();
    private HaproxyTestbed bed;
    private FleetReplica replica;

    @TempDir
    Path root;
    @TempDir
    Path state;

    @BeforeEach
    void start() throws Exception {
        plane.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace)
                .endMetadata().build()).create();
        bed = HaproxyTestbed.start(root);
        replica = FleetReplica.applying("plumbline-a", plane.kubeconfig(), new ClusterSettings(namespace,
                "plumbline-a", FleetOfThree.LEASE, FleetOfThree.RENEW_DEADLINE, FleetOfThree.RETRY),
                List.of(bed.provider()), timeline, new Metrics() {
                }, state);
        replica.start();
    }

    @AfterEach
    void stop() throws Exception {
        bed.backends().release();
        replica.close();
        bed.close();
        plane.client().namespaces().withName(namespace).delete();
    }

    @Test
    void aReplicaCutOffDuringADrainWritesNothingMoreAndSaysItNoLongerHoldsTheEnvironment() throws Exception {
        // Only s2 takes new sessions: the request held open below is on it.
        replica.handOver(commit(1, "maint", "ready", "drain"));
        await("the first commit applied").atMost(Duration.ofSeconds(60))
                .until(() -> outcome(1).filter(o -> o.result() == Outcome.Result.SUCCESS).isPresent());
        CompletableFuture<HttpResponse<String>> held = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(bed.frontend().resolve("/hold")).build(), HttpResponse.BodyHandlers.ofString());
        await("the held request reaches s2").atMost(Duration.ofSeconds(10)).until(() -> bed.sessions("s2") == 1);

        // s1 comes back first, then s2 is drained (the apply waits for its session), then s3 would go to maint.
        replica.handOver(commit(2, "ready", "drain", "maint"));
        await("the apply waits inside the drain of s2").atMost(Duration.ofSeconds(30))
                .until(() -> bed.state("s2").equals("drain"));
        assertThat(bed.state("s1")).as("written before the Lease was lost").isEqualTo("ready");

        replica.cutOff();
        await("the replica's renew deadline passes").atMost(FleetOfThree.LEASE)
                .until(() -> !replica.coordinator.owns(ENV));
        bed.backends().release();
        held.join();

        await("the second commit ends").atMost(Duration.ofSeconds(30)).until(() -> outcome(2).isPresent());
        assertThat(bed.state("s3")).as("nothing is written after the Lease was lost").isEqualTo("drain");
        Outcome stopped = outcome(2).orElseThrow();
        assertThat(stopped.result()).isEqualTo(Outcome.Result.FAILURE);
        assertThat(stopped.error()).contains("stopped before writing", "plumbline-a", "no longer holds " + ENV);
    }

    private Optional<Outcome> outcome(int commit) {
        return timeline.stream().map(FleetReplica.Run::outcome)
                .filter(o -> o.revision().commit().equals(FleetReplica.sha(commit))).findFirst();
    }

    /** Commit {@code n}: the test backend's servers s1, s2 and s3 in the states given. */
    private RepoFiles commit(int n, String s1, String s2, String s3) {
        String yaml = """
                apiVersion: plumbline/v1
                kind: Environment
                metadata:
                  name: %s
                spec:
                  sync: {mode: auto}
                  haproxy:
                    config: /etc/haproxy/haproxy.cfg
                    masterSocket: /run/haproxy/master.sock
                    runtimeSocket: /run/haproxy/admin.sock
                    stateFile: /var/lib/haproxy/server-state
                    frontends:
                      - {name: web, bind: "%s", defaultBackend: app}
                    backends:
                      - name: app
                        servers:
                          - {name: s1, address: "%s", state: %s}
                          - {name: s2, address: "%s", state: %s}
                          - {name: s3, address: "%s", state: %s}
                """.formatted(ENV, bed.frontend().getHost() + ":" + bed.frontend().getPort(),
                bed.backends().address("s1"), s1, bed.backends().address("s2"), s2, bed.backends().address("s3"), s3);
        return new MemoryFiles(Map.of("environments/" + ENV + ".yaml", yaml.getBytes(StandardCharsets.UTF_8)),
                new Revision(FleetReplica.sha(n), "main", "commit " + n));
    }
}
