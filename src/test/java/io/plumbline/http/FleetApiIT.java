package io.plumbline.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import io.plumbline.engine.Engine;
import io.plumbline.testing.ControlPlane;
import io.plumbline.testing.TestRepo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas of the service as it runs, in a fleet on the real API server: a request that changes how an
 * environment is reconciled (reconcile, suspend, resume) sent to the replica that does not reconcile it is answered
 * 409 naming the replica that does, and changes nothing; sent to the owner it is done, and the other replica
 * shows the owner's decision.
 */
class FleetApiIT {
    private static final String READ = "fleet-read-token-5d20";
    private static final String WRITE = "fleet-write-token-e81b";
    private static final String FILE = "environments/production.yaml";
    private static final String PRODUCTION = "apiVersion: plumbline/v1\nkind: Environment\nmetadata:\n"
            + "  name: production\nspec:\n  sync: {mode: auto}\n";
    private final HttpClient http = HttpClient.newHttpClient();
    private final ControlPlane plane = ControlPlane.shared();

    @TempDir
    Path tmp;

    @Test
    void aReplicaThatDoesNotReconcileTheEnvironmentAnswers409NamingTheOneThatDoes() throws Exception {
        String namespace = ControlPlane.uniqueNamespace();
        plane.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace)
                .endMetadata().build()).create();
        try (TestRepo repo = TestRepo.withFiles(tmp, Map.of(FILE, PRODUCTION));
             ApplicationContext a = start(repo, namespace, "replica-a");
             ApplicationContext b = start(repo, namespace, "replica-b")) {
            List<ApplicationContext> both = List.of(a, b);
            await("one replica reconciles production").atMost(Duration.ofSeconds(30)).until(() -> both.stream()
                    .filter(c -> c.getBean(Engine.class).owned().contains("production")).count() == 1);
            ApplicationContext owner = both.stream()
                    .filter(c -> c.getBean(Engine.class).owned().contains("production")).findFirst().orElseThrow();
            ApplicationContext other = owner == a ? b : a;
            String ownerName = owner.getBean(Engine.class).replica();
            URI otherBase = other.getBean(EmbeddedServer.class).getURI();
            await("the other replica names the owner").atMost(Duration.ofSeconds(10))
                    .until(() -> other.getBean(Engine.class).owner("production").isPresent());

            for (String action : List.of("reconcile", "suspend", "resume")) {
                HttpResponse<String> refused = post(otherBase, action);
                assertThat(refused.statusCode()).as(action).isEqualTo(409);
                assertThat(refused.body()).as(action).contains("\"reconciledBy\":\"" + ownerName + "\"")
                        .contains("production is reconciled by replica " + ownerName + ", not by "
                                + other.getBean(Engine.class).replica());
            }
            assertThat(other.getBean(Engine.class).mode("production")).isEqualTo("auto");
            assertThat(owner.getBean(Engine.class).mode("production")).isEqualTo("auto");

            URI ownerBase = owner.getBean(EmbeddedServer.class).getURI();
            assertThat(post(ownerBase, "suspend").statusCode()).isEqualTo(200);
            assertThat(owner.getBean(Engine.class).mode("production")).isEqualTo(Engine.SUSPENDED_BY_OPERATOR);
            // The other replica shows the owner's decision, read from the Lease at its next look.
            await("the other replica shows the suspension").atMost(Duration.ofSeconds(10)).until(() -> other
                    .getBean(Engine.class).mode("production").equals(Engine.SUSPENDED_BY_OPERATOR));
            assertThat(post(ownerBase, "resume").statusCode()).isEqualTo(202);
            await("the other replica shows the resume").atMost(Duration.ofSeconds(10)).until(() -> other
                    .getBean(Engine.class).mode("production").equals("auto"));
        } finally {
            plane.client().namespaces().withName(namespace).delete();
        }
    }

    @Test
    void aReplicaWhoseLeaseNamespaceIsMissingIsNotReadyAndNamesItUntilItExists() throws Exception {
        String namespace = ControlPlane.uniqueNamespace();
        try (TestRepo repo = TestRepo.withFiles(tmp, Map.of(FILE, PRODUCTION));
             ApplicationContext a = start(repo, namespace, "replica-a")) {
            URI base = a.getBean(EmbeddedServer.class).getURI();
            await("not ready, naming the namespace").atMost(Duration.ofSeconds(30)).until(() -> {
                HttpResponse<String> ready = get(base, "/health/readiness");
                return ready.statusCode() == 503 && ready.body().contains("namespace " + namespace)
                        && ready.body().contains("does not exist");
            });
            assertThat(get(base, "/prometheus").body())
                    .containsPattern("plumbline_fleet_lease_errors_total\\{reason=\"namespace-missing\"} [1-9]");
            assertThat(a.getBean(Engine.class).owned()).isEmpty();

            plane.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace)
                    .endMetadata().build()).create();
            await("ready, reconciling production").atMost(Duration.ofSeconds(30)).until(() ->
                    get(base, "/health/readiness").statusCode() == 200
                            && a.getBean(Engine.class).owned().contains("production"));
        } finally {
            plane.client().namespaces().withName(namespace).delete();
        }
    }

    private HttpResponse<String> get(URI base, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + READ).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private ApplicationContext start(TestRepo repo, String namespace, String identity) {
        return Micronaut.build(new String[0]).banner(false).properties(Map.ofEntries(
                Map.entry("micronaut.server.port", -1),
                Map.entry("plumbline.git.url", repo.url()),
                Map.entry("plumbline.git.cache-dir", tmp.resolve(identity + "-cache").toString()),
                Map.entry("plumbline.state-dir", tmp.resolve(identity + "-state").toString()),
                Map.entry("plumbline.poll.interval", "500ms"),
                Map.entry("plumbline.api.read-tokens", READ),
                Map.entry("plumbline.api.write-tokens", WRITE),
                Map.entry("plumbline.cluster.enabled", true),
                Map.entry("plumbline.cluster.namespace", namespace),
                Map.entry("plumbline.cluster.identity", identity),
                Map.entry("plumbline.cluster.kubeconfig", plane.kubeconfig().toString()),
                Map.entry("plumbline.cluster.lease-duration", "4s"),
                Map.entry("plumbline.cluster.renew-deadline", "2700ms"),
                Map.entry("plumbline.cluster.retry-period", "400ms"))).start();
    }

    private HttpResponse<String> post(URI base, String action) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve("/api/environments/production/" + action))
                .header("Authorization", "Bearer " + WRITE).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
