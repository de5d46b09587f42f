package io.plumbline.demo;

import io.plumbline.cli.Main;
import io.plumbline.model.spec.haproxy.HaproxySpec;
import io.plumbline.provider.aws.AwsBaseline;
import io.plumbline.provider.aws.EcrImages;
import io.plumbline.provider.aws.MotoServer;
import io.plumbline.provider.aws.TestClients;
import io.plumbline.provider.haproxy.HaproxyOptions;
import io.plumbline.provider.haproxy.LocalHaproxy;
import io.plumbline.render.haproxy.HaproxyPaths;
import io.plumbline.testing.KubernetesStandIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The quick start: the whole loop on this machine, on a copy of {@code example-repo}. Stand-ins play the
 * team's systems: moto plays the AWS account (seeded with what the team already has: VPC, security groups, EKS
 * cluster and nodegroup, Auto Scaling groups, load balancers, hosted zone), fabric8's mock API server plays
 * the cluster (unless KUBECONFIG names a real one), and a real haproxy runs under {@code .plumbline/demo}.
 * Commit statuses go to git notes. Run it with {@code scripts/demo}.
 */
public final class Demo {
    private static final Path HOME = Path.of(".plumbline/demo").toAbsolutePath();
    private static final String ACCOUNT = "033870383707";

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        DemoFiles.resetState(HOME);
        Path repo = DemoFiles.repository(HOME.resolve("repo"));

        MotoServer moto = new MotoServer(ACCOUNT);
        moto.beforeAll(null);
        try (var aws = TestClients.create(moto.connection())) {
            AwsBaseline.seed(aws);
            StagingBaseline.seed(aws);
            // What the team's build has pushed: every image the example environments deploy (pre-flight checks it).
            EcrImages.push(aws, "frontend", "v1.4.2", "v1.4.3", "v1.5.0-rc1");
            EcrImages.push(aws, "thoughts-backend", "v2.0.1", "v2.1.0-rc2");
            EcrImages.push(aws, "thoughts-backend-db", "v2.0.1");
            EcrImages.push(aws, "users-backend", "v1.9.0");
            EcrImages.push(aws, "users-backend-db", "v1.9.0");
        }
        System.setProperty("aws.accessKeyId", "demo");
        System.setProperty("aws.secretAccessKey", "demo");

        Optional<String> realCluster = Optional.ofNullable(System.getenv("KUBECONFIG"));
        KubernetesStandIn standIn = realCluster.isPresent() ? null : new KubernetesStandIn();
        Path kubeconfig = realCluster.map(Path::of).orElseGet(() -> standIn.kubeconfig(HOME));

        DemoBackends.start();
        Path haproxyRoot = Files.createDirectories(HOME.resolve("haproxy"));
        LocalHaproxy haproxy = LocalHaproxy.start(HaproxyOptions.DEFAULT_BINARY, HaproxyPaths.of(new HaproxySpec(
                "/etc/haproxy/haproxy.cfg", "/run/haproxy/master.sock", "/run/haproxy/admin.sock",
                "/var/lib/haproxy/server-state", null, null, List.of(), List.of(), null), haproxyRoot));

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                haproxy.close();
                moto.afterAll(null);
                if (standIn != null) {
                    standIn.close();
                }
            } catch (Exception e) {
                Thread.currentThread().interrupt();
            }
        }));

        Path config = DemoFiles.serviceConfig(HOME, moto.endpoint().toString(), kubeconfig, haproxyRoot, port);
        DemoFiles.printGuide(port, repo, realCluster.isPresent());
        System.exit(Main.run("serve", "--repo", repo.toAbsolutePath().toString(), "--branch", "main",
                "--port", String.valueOf(port), "--config", config.toAbsolutePath().toString()));
    }
}
