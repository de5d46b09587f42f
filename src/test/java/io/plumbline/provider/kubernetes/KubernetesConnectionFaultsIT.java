package io.plumbline.provider.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.provider.ProviderException;
import io.plumbline.testing.ApiServerStandIn;
import io.plumbline.testing.ControlPlane;
import io.plumbline.testing.Toxiproxy;
import io.plumbline.testing.Toxiproxy.Toxic;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The connection to the real API server broken in every way we can, with the example production environment applied
 * and unchanged: a plan through the broken connection either reads everything and finds it all there (no write
 * planned), or fails naming the read (retryable), never taking a failed or cut read for "absent" or "empty"; no
 * object is deleted or made again (their uids stay); once the connection is whole the plan is empty.
 *
 * <p>Toxiproxy sits between fabric8 and the API server (TLS passes through it; the server's certificate names
 * 127.0.0.1, which the proxy's address is too). The 429 and 500 answers come from {@link ApiServerStandIn}, our own,
 * as neither the API server nor Toxiproxy gives them on demand. The clients through the faults give up sooner than
 * Plumbline's (2 s a request, 2 retries) so that a silent peer costs seconds, not minutes; what they conclude from a
 * failure is the same.
 */
class KubernetesConnectionFaultsIT {
    private final TestCluster cluster = new TestCluster();
    private final LoadedEnvironment env = cluster.production();
    private Map<String, String> uids;
    private Toxiproxy.Proxy proxy;
    private KubernetesClient faulty;

    @BeforeEach
    void applied() throws IOException {
        KubernetesProvider direct = cluster.provider(KubernetesOptions.DEFAULT);
        TestCluster.reconcile(direct, env);
        assertThat(TestCluster.plan(direct, env).hasWrites()).as("applied: a fresh plan is empty").isFalse();
        uids = uids();
        URI server = URI.create(cluster.client.getMasterUrl().toString());
        proxy = Toxiproxy.shared().proxy("apiserver", "127.0.0.1", server.getPort());
        Config config = kubeconfig();
        config.setMasterUrl("https://127.0.0.1:" + proxy.port() + "/");
        faulty = new KubernetesClientBuilder().withConfig(quick(config)).build();
    }

    @AfterEach
    void close() {
        if (faulty != null) {
            faulty.close();
        }
        if (proxy != null) {
            proxy.delete();
        }
    }

    static Stream<Toxic> slow() {
        return Stream.of(Toxic.latency(300, 100), Toxic.slicer(64, 500), Toxic.bandwidth(256));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("slow")
    void aSlowConnectionStillReadsEverythingAndPlansNothing(Toxic fault) throws IOException {
        proxy.add(fault);

        assertThat(TestCluster.plan(new KubernetesProvider(faulty, KubernetesOptions.DEFAULT), env).hasWrites())
                .as("a plan through " + fault).isFalse();
        assertThat(uids()).isEqualTo(uids);
    }

    static Stream<Toxic> broken() {
        return Stream.of(Toxic.resetPeer(0), Toxic.resetPeer(20), Toxic.timeout(0), Toxic.timeout(300),
                Toxic.limitData(100), Toxic.limitData(3_000), Toxic.limitData(40_000));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void aBrokenConnectionFailsTheReadAndPlansNoWrite(Toxic fault) throws IOException {
        proxy.add(fault);
        KubernetesProvider provider = new KubernetesProvider(faulty, KubernetesOptions.DEFAULT);

        ChangeSet plan = null;
        ProviderException failed = null;
        try {
            plan = TestCluster.plan(provider, env);
        } catch (ProviderException e) {
            failed = e;
        }

        if (failed != null) {
            assertThat(failed.retryable()).as(failed.getMessage()).isTrue();
            assertThat(failed.getMessage()).as("the failure names the read").startsWith("kubernetes: ")
                    .containsPattern("Operation: \\[|reading ");
        } else {
            assertThat(plan.hasWrites()).as("a plan through " + fault + " that read everything").isFalse();
        }
        assertThat(uids()).isEqualTo(uids);
        proxy.clear();
        assertThat(TestCluster.plan(new KubernetesProvider(faulty, KubernetesOptions.DEFAULT), env).hasWrites())
                .as("once the connection is whole").isFalse();
    }

    @Test
    void throttledAndFailingAnswersAreRetriedAndCountedAndTheReadsFindEverything() throws IOException {
        List<String> throttled = new CopyOnWriteArrayList<>();
        try (ApiServerStandIn standIn = new ApiServerStandIn(ControlPlane.shared().kubeconfig());
             KubernetesClient client = throttling(standIn, throttled)) {
            standIn.answer(429, "GET", "/services", 2).answer(500, "GET", "/deployments", 2)
                    .answer(429, "GET", "/poddisruptionbudgets", 1);

            ChangeSet plan = TestCluster.plan(new KubernetesProvider(client, KubernetesOptions.DEFAULT), env);

            assertThat(plan.hasWrites()).isFalse();
            assertThat(standIn.faulted()).hasSize(5);
            assertThat(throttled).containsExactlyInAnyOrder("services", "services", "poddisruptionbudgets");
        }
        assertThat(uids()).isEqualTo(uids);
    }

    @Test
    void answersThatStayFailedFailTheReadNamingItAndNothingIsWritten() throws IOException {
        for (int status : new int[] {429, 500}) {
            List<String> throttled = new CopyOnWriteArrayList<>();
            try (ApiServerStandIn standIn = new ApiServerStandIn(ControlPlane.shared().kubeconfig());
                 KubernetesClient client = throttling(standIn, throttled)) {
                standIn.answer(status, "GET", "/deployments", -1);

                ProviderException e = catchThrowableOfType(ProviderException.class, () -> TestCluster.plan(
                        new KubernetesProvider(client, KubernetesOptions.DEFAULT), env));

                assertThat(e).as("a plan while every read of Deployments answers " + status).isNotNull();
                assertThat(e.retryable()).isTrue();
                assertThat(e.getMessage()).startsWith("kubernetes: ").contains("HTTP " + status)
                        .containsPattern("kind: \\[Deployment\\]|reading deployments");
                assertThat(standIn.requests()).as("requests other than reads")
                        .allMatch(r -> r.startsWith("GET "));
                assertThat(throttled).hasSize(status == 429 ? standIn.faulted().size() : 0);
            }
        }
        assertThat(uids()).isEqualTo(uids);
    }

    private KubernetesClient throttling(ApiServerStandIn standIn, List<String> throttled) {
        return new KubernetesClientBuilder().withConfig(quick(standIn.config())).withHttpClientBuilderConsumer(
                builder -> builder.addOrReplaceInterceptor(ApiThrottles.NAME, new ApiThrottles(throttled::add)))
                .build();
    }

    private static Config quick(Config config) {
        config.setRequestTimeout(2_000);
        config.setConnectionTimeout(2_000);
        config.setRequestRetryBackoffLimit(2);
        config.setRequestRetryBackoffInterval(100);
        return config;
    }

    private static Config kubeconfig() throws IOException {
        Path file = ControlPlane.shared().kubeconfig();
        return Config.fromKubeconfig(null, Files.readString(file), file.toString());
    }

    /** Every object of the test's namespace by kind and name, with its uid: a delete and a create change it. */
    private Map<String, String> uids() {
        Map<String, String> all = new TreeMap<>();
        String ns = cluster.namespace;
        Stream.of(cluster.client.configMaps().inNamespace(ns).list().getItems(),
                        cluster.client.services().inNamespace(ns).list().getItems(),
                        cluster.client.apps().deployments().inNamespace(ns).list().getItems(),
                        cluster.client.policy().v1().podDisruptionBudget().inNamespace(ns).list().getItems())
                .flatMap(List::stream).map(HasMetadata.class::cast)
                .forEach(o -> all.put(o.getClass().getSimpleName() + "/" + o.getMetadata().getName(),
                        o.getMetadata().getUid()));
        assertThat(all).as("objects of the environment").isNotEmpty();
        return all;
    }
}
