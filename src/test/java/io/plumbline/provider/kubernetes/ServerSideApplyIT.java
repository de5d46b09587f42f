package io.plumbline.provider.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.ObjectResult;
import io.plumbline.model.ObjectResult.Result;
import io.plumbline.render.kubernetes.TestEnvironments;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against a server that serves apply patches (the mock answers them as a real API server would, by
 * expectation), every write is a server-side apply with field manager {@code plumbline}: no create, no replace.
 */
class ServerSideApplyIT {
    private MockCluster cluster;
    private KubernetesProvider provider;
    private final LoadedEnvironment env = TestEnvironments.of("e.yaml", """
            apiVersion: plumbline/v1
            kind: Environment
            metadata: {name: production}
            spec:
              kubernetes: {namespaces: [example]}
            """, TestEnvironments.documents("settings.yaml", """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings, namespace: example}
            data: {LOG_LEVEL: info}
            """));

    @BeforeEach
    void start() {
        cluster = new MockCluster();
        provider = cluster.provider(KubernetesOptions.DEFAULT);
        cluster.server.expect().patch().withPath("/api/v1/namespaces/example?fieldManager=plumbline&force=true")
                .andReturn(201, new NamespaceBuilder().withNewMetadata().withName("example").endMetadata().build())
                .once();
        cluster.server.expect().patch()
                .withPath("/api/v1/namespaces/example/configmaps/settings?fieldManager=plumbline&force=true")
                .andReturn(201, new ConfigMapBuilder().withNewMetadata().withName("settings").withNamespace("example")
                        .endMetadata().build())
                .once();
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void everyWriteIsAnApplyPatchWithPlumblinesFieldManager() throws InterruptedException {
        List<ObjectResult> results = MockCluster.reconcile(provider, env).results();

        assertThat(results).extracting(ObjectResult::result).containsOnly(Result.CREATED);
        assertThat(provider.usesServerSideApply()).isTrue();
        List<RecordedRequest> writes = new ArrayList<>();
        RecordedRequest r;
        while ((r = cluster.server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
            if (!r.getMethod().equals("GET")) {
                writes.add(r);
            }
        }
        assertThat(writes).hasSize(2).allSatisfy(w -> {
            assertThat(w.getMethod()).isEqualTo("PATCH");
            assertThat(w.getHeader("Content-Type")).startsWith("application/apply-patch+yaml");
            assertThat(w.getPath()).endsWith("?fieldManager=plumbline&force=true");
        });
        assertThat(writes.get(1).getBody().readUtf8()).contains("plumbline.io/applied-fields").contains("LOG_LEVEL");
    }
}
