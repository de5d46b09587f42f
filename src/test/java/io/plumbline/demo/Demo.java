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
import io.plumbline.testing.ControlPlane;
import io.plumbline.testing.Gitea;
import io.plumbline.testing.KubernetesStandIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The quick start: the whole loop on this machine, on a copy of {@code example-repo}. Stand-ins play the
 * team's systems: moto plays the AWS account (seeded with what the team already has for production and staging: the
 * EKS cluster in eksctl's VPC with its nodegroup, Auto Scaling groups, load balancers, hosted zone; none of hopper,
 * which its file creates, on the Ubuntu 18.04 image moto is given), a real local control plane plays
 * the cluster when its binaries are built (else fabric8's mock API server, labelled as a stand-in; KUBECONFIG
 * names a real cluster instead), and a real haproxy runs under {@code .plumbline/demo}.
 * When {@code scripts/gitea-peer-build} has built the forge (and {@code PLUMBLINE_DEMO_FORGE} is not {@code 0}), the
 * repository lives on a real Gitea: webhooks wake the service, statuses and plan comments show there; otherwise
 * commit statuses go to git notes. Run it with {@code scripts/demo}.
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

        MotoServer moto = MotoServer.withBionicImage(ACCOUNT);
        moto.beforeAll(null);
        try (var aws = TestClients.create(moto.connection())) {
            StagingBaseline.seed(aws, AwsBaseline.seedForExample(aws));
            // What the team's build has pushed: every image the example environments deploy (pre-flight checks it).
            EcrImages.push(aws, "frontend", "v1.4.2", "v1.4.3", "v1.5.0-rc1");
            EcrImages.push(aws, "thoughts-backend", "v2.0.1", "v2.1.0-rc2");
            EcrImages.push(aws, "thoughts-backend-db", "v2.0.1");
            EcrImages.push(aws, "users-backend", "v1.9.0");
            EcrImages.push(aws, "users-backend-db", "v1.9.0");
        }
        System.setProperty("aws.accessKeyId", "demo");
        System.setProperty("aws.secretAccessKey", "demo");

        Optional<String> userCluster = Optional.ofNullable(System.getenv("KUBECONFIG"));
        ControlPlane plane = userCluster.isEmpty() && ControlPlane.available() ? ControlPlane.start(false) : null;
        KubernetesStandIn standIn = userCluster.isEmpty() && plane == null ? new KubernetesStandIn() : null;
        Path kubeconfig = userCluster.map(Path::of)
                .orElseGet(() -> plane != null ? plane.kubeconfig() : standIn.kubeconfig(HOME));
        String kubernetes = userCluster.isPresent() ? "the cluster KUBECONFIG names"
                : plane != null ? "a real control plane on 127.0.0.1 (kube-apiserver " + ControlPlane.VERSION
                        + ", etcd, controller-manager, scheduler; kwok plays one node)"
                : "fabric8's mock API server (a STAND-IN, not a cluster: no server-side apply, no controllers).\n"
                        + "              For a real one, run scripts/kube-peer-build once (about 25-30 minutes on 2 cores).";

        DemoBackends.start();
        Path haproxyRoot = Files.createDirectories(HOME.resolve("haproxy"));
        LocalHaproxy haproxy = LocalHaproxy.start(HaproxyOptions.DEFAULT_BINARY, HaproxyPaths.of(new HaproxySpec(
                "/etc/haproxy/haproxy.cfg", "/run/haproxy/master.sock", "/run/haproxy/admin.sock",
                "/var/lib/haproxy/server-state", null, null, List.of(), List.of(), null, List.of()), haproxyRoot));

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                haproxy.close();
                moto.afterAll(null);
                if (standIn != null) {
                    standIn.close();
                }
                if (plane != null) {
                    plane.close();
                }
            } catch (Exception e) {
                Thread.currentThread().interrupt();
            }
        }));

        DemoForge forge = Gitea.available() && !"0".equals(System.getenv("PLUMBLINE_DEMO_FORGE"))
                ? DemoForge.start(repo) : null;
        if (forge != null) {
            forge.hook(port);
            Runtime.getRuntime().addShutdownHook(new Thread(forge::close, "demo-forge-stop"));
        }
        Path config = DemoFiles.serviceConfig(HOME, moto.endpoint().toString(), kubeconfig, haproxyRoot, port, forge);
        DemoFiles.printGuide(port, repo, kubernetes, forge);
        String source = forge != null ? forge.fetchUrl() : repo.toAbsolutePath().toString();
        System.exit(Main.run("serve", "--repo", source, "--branch", "main",
                "--port", String.valueOf(port), "--config", config.toAbsolutePath().toString()));
    }
}
