package io.plumbline.bench;

import io.plumbline.model.spec.haproxy.HaproxySpec;
import io.plumbline.provider.aws.MotoServer;
import io.plumbline.provider.haproxy.HaproxyOptions;
import io.plumbline.provider.haproxy.LocalHaproxy;
import io.plumbline.provider.haproxy.TestBackends;
import io.plumbline.render.haproxy.HaproxyPaths;
import io.plumbline.report.HostApi;
import io.plumbline.report.HostApis;
import io.plumbline.report.StatusHostServer;
import io.plumbline.testing.ControlPlane;
import io.plumbline.testing.TestRepo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The real peers of a service running {@link ScaleRepo}'s environments, started here: moto, a Kubernetes control plane
 * of its own (kwok playing the nodes), one real haproxy per environment, the repository, and a local host playing
 * GitHub for statuses.
 */
final class ScalePeers implements AutoCloseable {
    final TestRepo repo;
    final StatusHostServer github;
    private final Path root;
    private final MotoServer moto = new MotoServer();
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final ControlPlane plane;

    ScalePeers(Path tmp, int count, String drift) throws Exception {
        root = tmp.resolve("haproxy");
        moto.beforeAll(null);
        opened.add(() -> moto.afterAll(null));
        try {
            plane = open(ControlPlane.start(false));
            TestBackends backends = open(new TestBackends("pool"));
            repo = open(TestRepo.withFiles(tmp, ScaleRepo.files(count, drift, backends.address("pool"))));
            github = open(StatusHostServer.start(HostApis.github("acme/infra", LoopBench.TOKEN)));
            for (int i = 0; i < count; i++) {
                open(LocalHaproxy.start(HaproxyOptions.DEFAULT_BINARY, HaproxyPaths.of(new HaproxySpec(
                        ScaleRepo.config(i), ScaleRepo.masterSocket(i), ScaleRepo.runtimeSocket(i), null, null, null,
                        List.of(), List.of(), null, null), root)));
            }
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    private <T extends AutoCloseable> T open(T peer) {
        opened.add(peer);
        return peer;
    }

    /** The service's configuration: every provider on these peers, statuses and webhooks as GitHub's. */
    String config() {
        return """
                plumbline:
                  git: {url: "%s"}
                  aws: {endpoint: "%s"}
                  kubernetes: {kubeconfig: "%s"}
                  haproxy: {root: "%s"}
                  status: {host: github, api-url: "%s", repository: acme/infra, token: "%s"}
                  webhooks: {github: {secret: "%s"}}
                """.formatted(repo.url(), moto.endpoint(), plane.kubeconfig(), root, github.url(), LoopBench.TOKEN,
                LoopBench.SECRET);
    }

    /** The environments with a final status on the commit (drift statuses aside). */
    Set<String> finalStatuses(String commit) {
        return github.accepted().stream().filter(a -> a.commit().equals(commit)
                        && !a.state().equals("pending") && !a.context().endsWith("/drift"))
                .map(HostApi.Accepted::context).collect(Collectors.toSet());
    }

    /** Waits until every environment has a final status on the commit (checked once a second, for up to an hour). */
    void awaitAll(String commit, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 3_600_000_000_000L;
        int seconds = 0;
        while (System.nanoTime() < deadline) {
            Set<String> done = finalStatuses(commit);
            if (done.size() >= count) {
                return;
            }
            if (++seconds % 60 == 0) {
                System.out.printf("  %d of %d environments have a final status on %s after %d s%n", done.size(),
                        count, commit.substring(0, 12), seconds);
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("not every environment got a final status on " + commit + " in an hour");
    }

    @Override
    public void close() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }
}
