package io.plumbline.e2e;

import io.plumbline.model.spec.haproxy.HaproxySpec;
import io.plumbline.provider.aws.AwsBaseline;
import io.plumbline.provider.aws.EcrImages;
import io.plumbline.provider.aws.MotoServer;
import io.plumbline.provider.aws.TestClients;
import io.plumbline.provider.haproxy.HaproxyOptions;
import io.plumbline.provider.haproxy.LocalHaproxy;
import io.plumbline.provider.haproxy.TestBackends;
import io.plumbline.render.haproxy.HaproxyPaths;
import io.plumbline.testing.ControlPlane;
import io.plumbline.testing.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real peers of one test class, all on 127.0.0.1: moto (the team's existing AWS account, seeded as
 * SEEDS.md describes, with the frontend images pushed), the shared real Kubernetes control plane (whose namespaces of
 * environment {@code production} are deleted after the class, so the next class starts clean), a real haproxy in
 * master-worker mode with two backends
 * ({@code new}, the new load balancer, and {@code old}, the monolith).
 */
public final class Peers implements BeforeAllCallback, AfterAllCallback {
    public final MotoServer moto = new MotoServer();
    public final int frontendPort = Ports.free();
    public ControlPlane kubernetes;
    public TestBackends backends;
    public Path root;
    private LocalHaproxy haproxy;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        moto.beforeAll(context);
        kubernetes = ControlPlane.shared();
        try (var aws = TestClients.create(moto.connection())) {
            AwsBaseline.seed(aws);
            // The team's build has pushed the frontend images the environments deploy (image pre-flight checks).
            EcrImages.push(aws, "frontend", "v1.4.2", "v1.5.0");
        }
        // The SDK's default chain, as the service uses it, finds moto's fake credentials here.
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        try {
            root = Files.createTempDirectory("plumbline-e2e");
            backends = new TestBackends("new", "old");
            HaproxySpec paths = new HaproxySpec(Environments.CONFIG, Environments.MASTER, Environments.RUNTIME,
                    Environments.STATE, null, null, List.of(), List.of(), null, List.of());
            haproxy = LocalHaproxy.start(HaproxyOptions.DEFAULT_BINARY, HaproxyPaths.of(paths, root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The haproxy master's pid (it keeps it across reloads), for signals. */
    public long haproxyMaster() {
        return haproxy.pid();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        haproxy.close();
        backends.close();
        kubernetes.deleteNamespacesOf("production");
        moto.afterAll(context);
    }
}
